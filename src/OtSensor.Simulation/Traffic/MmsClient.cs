using OtSensor.Core.Time;
using OtSensor.Simulation.Engine;
using OtSensor.Simulation.Osi;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Traffic;

/// <summary>
/// An IEC 61850 client's MMS association with an IED over TCP 102 (IEC 61850-8-1 §6 profile: RFC 1006 TPKT, COTP
/// class 0, ISO 8327 session, ISO 8823 presentation, ISO 8650 ACSE, ISO 9506 MMS): associate, identify, browse the
/// logical devices and their variables, read measurements, conclude and release.
/// </summary>
/// <remarks>
/// Counted as the sensor's event log has them: one record per MMS PDU, function = confirmed service for confirmed
/// requests and responses, null for initiate and conclude; the ACSE release carries no MMS PDU and counts nothing.
/// </remarks>
public sealed class MmsClient(Simulator sim, TcpConnection tcp, Random random)
{
    public const ushort Port = 102;
    private uint _invokeId;

    public TcpConnection Connection => tcp;

    /// <summary>IEC 61850 domain (logical device) name of an IED: IED name (no dashes) + LD instance.</summary>
    public static string Domain(Host ied, string instance = "LD0")
    {
        ArgumentNullException.ThrowIfNull(ied);
        return ied.Name.Replace("-", "", StringComparison.Ordinal) + instance;
    }

    /// <summary>TCP handshake, COTP CR/CC (TSAPs 0001), session CONNECT/ACCEPT with the presentation, ACSE and MMS initiate PDUs.</summary>
    public Timestamp Associate(Timestamp at)
    {
        var t = tcp.Open(at, Talk.Rtt);
        ushort clientRef = (ushort)random.Next(1, 0xFFFF);
        ushort serverRef = (ushort)random.Next(1, 0xFFFF);
        t = tcp.Exchange(t.Add(TimeSpan.FromMicroseconds(100)), IsoTransport.Connect(false, 0, clientRef, 1, 1), IsoTransport.Connect(true, clientRef, serverRef, 1, 1),
            Talk.ServerDelay(random), Talk.Rtt);
        var request = IsoTransport.Data(IsoSession.Connect(IsoPresentation.Connect(Acse.AssociateRequest(MmsPdu.InitiateRequest()))));
        var response = IsoTransport.Data(IsoSession.Accept(IsoPresentation.Accept(Acse.AssociateResponse(MmsPdu.InitiateResponse()))));
        t = tcp.Exchange(t.Add(TimeSpan.FromMilliseconds(1)), request, response, Talk.ServerDelay(random), Talk.Rtt);
        sim.Manifest.CountPdu("mms", -1, 2);
        return t;
    }

    /// <summary>identify: the IED answers its vendor, model and revision (ISO 9506-2 §10.2).</summary>
    public Timestamp Identify(Timestamp at, Host ied)
    {
        ArgumentNullException.ThrowIfNull(ied);
        uint id = _invokeId++;
        return Confirmed(at, MmsPdu.IdentifyRequest(id), MmsPdu.IdentifyResponse(id, ied.Vendor ?? "", ied.Model ?? "", ied.Firmware ?? ""), MmsPdu.Identify);
    }

    /// <summary>getNameList of the VMD's domains (object class 9), then of the named variables (class 0) in each.</summary>
    public Timestamp Browse(Timestamp at, Host ied)
    {
        string[] domains = [Domain(ied, "LD0"), Domain(ied, "PROT")];
        uint id = _invokeId++;
        var t = Confirmed(at, MmsPdu.GetNameListRequest(id, 9, null), MmsPdu.GetNameListResponse(id, domains), MmsPdu.GetNameList);
        string[][] variables =
        [
            ["LLN0", "LLN0$ST", "LLN0$ST$Mod", "MMXU1", "MMXU1$MX", "MMXU1$MX$TotW", "MMXU1$MX$TotVAr", "MMXU1$MX$Hz"],
            ["LLN0", "PTOC1", "PTOC1$ST", "PTOC1$ST$Op", "PTOC1$ST$Str", "XCBR1", "XCBR1$ST", "XCBR1$ST$Pos"],
        ];
        for (int i = 0; i < domains.Length; i++)
        {
            id = _invokeId++;
            t = Confirmed(t.Add(TimeSpan.FromMilliseconds(3)), MmsPdu.GetNameListRequest(id, 0, domains[i]), MmsPdu.GetNameListResponse(id, variables[i]), MmsPdu.GetNameList);
        }
        return t;
    }

    /// <summary>read of one measured value (e.g. <c>MMXU1$MX$TotW</c>) in a logical device.</summary>
    public Timestamp ReadMeasurement(Timestamp at, string domain, string item, float value)
    {
        uint id = _invokeId++;
        return Confirmed(at, MmsPdu.ReadRequest(id, domain, item), MmsPdu.ReadResponse(id, MmsPdu.MeasuredValue(value, at.UnixNanoseconds)), MmsPdu.Read);
    }

    /// <summary>conclude-Request/Response, then the ACSE release (RLRQ in FINISH, RLRE in DISCONNECT) and the TCP close.</summary>
    public Timestamp Release(Timestamp at)
    {
        var t = tcp.Exchange(at, Data(MmsPdu.ConcludeRequest()), Data(MmsPdu.ConcludeResponse()), Talk.ServerDelay(random), Talk.Rtt);
        sim.Manifest.CountPdu("mms", -1, 2);
        t = tcp.Exchange(t.Add(TimeSpan.FromMilliseconds(1)), IsoTransport.Data(IsoSession.Finish(IsoPresentation.Data(IsoPresentation.AcseContext, Acse.ReleaseRequest()))),
            IsoTransport.Data(IsoSession.Disconnect(IsoPresentation.Data(IsoPresentation.AcseContext, Acse.ReleaseResponse()))), Talk.ServerDelay(random), Talk.Rtt);
        return tcp.Close(t.Add(TimeSpan.FromMilliseconds(1)), Talk.Rtt);
    }

    private Timestamp Confirmed(Timestamp at, byte[] request, byte[] response, int service)
    {
        var t = tcp.Exchange(at, Data(request), Data(response), Talk.ServerDelay(random), Talk.Rtt);
        sim.Manifest.CountPdu("mms", service, 2);
        return t;
    }

    /// <summary>An MMS PDU in the MMS presentation context, in a session DATA TRANSFER, in a COTP DT.</summary>
    private static byte[] Data(byte[] mms) => IsoTransport.Data(IsoSession.DataTransfer(IsoPresentation.Data(IsoPresentation.MmsContext, mms)));
}
