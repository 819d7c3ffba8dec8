using System.Text.Json;

namespace OtSensor.Outputs.Files;

/// <summary>Pre-encoded keys of <c>events.jsonl</c> (docs/event-log-contract.md): encoded once, written often.</summary>
internal static class JsonFieldNames
{
    public static readonly JsonEncodedText Ts = JsonEncodedText.Encode("ts");
    public static readonly JsonEncodedText Frame = JsonEncodedText.Encode("frame");
    public static readonly JsonEncodedText Protocol = JsonEncodedText.Encode("protocol");
    public static readonly JsonEncodedText Src = JsonEncodedText.Encode("src");
    public static readonly JsonEncodedText Dst = JsonEncodedText.Encode("dst");
    public static readonly JsonEncodedText SrcPort = JsonEncodedText.Encode("srcPort");
    public static readonly JsonEncodedText DstPort = JsonEncodedText.Encode("dstPort");
    public static readonly JsonEncodedText SrcMac = JsonEncodedText.Encode("srcMac");
    public static readonly JsonEncodedText DstMac = JsonEncodedText.Encode("dstMac");
    public static readonly JsonEncodedText Function = JsonEncodedText.Encode("function");
    public static readonly JsonEncodedText FunctionName = JsonEncodedText.Encode("functionName");
    public static readonly JsonEncodedText Operation = JsonEncodedText.Encode("operation");
    public static readonly JsonEncodedText Direction = JsonEncodedText.Encode("direction");
    public static readonly JsonEncodedText FlowId = JsonEncodedText.Encode("flowId");
    public static readonly JsonEncodedText Layer = JsonEncodedText.Encode("layer");
    public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    public static readonly JsonEncodedText Request = JsonEncodedText.Encode("request");
    public static readonly JsonEncodedText Response = JsonEncodedText.Encode("response");
}
