using OtSensor.Core.Protocols;
using OtSensor.Protocols.EtherCat;

namespace OtSensor.Protocols.Tests.EtherCat;

public sealed class EtherCatDatagramReaderTests
{
    [Fact]
    public void TryRead_BrdOfAlStatus_DecodesHeaderAndStatus()
    {
        var m = EtherCatTestDecode.Single(EtherCatVectors.BrdAlStatus, fromMaster: false);

        Assert.Equal(ProtocolId.EtherCat, m.Protocol);
        Assert.Equal(7, m.Function);
        Assert.Equal("BRD", m.FunctionName);
        Assert.Equal(OtOperation.Read, m.Operation);
        Assert.True(m.IsResponse);
        Assert.Equal(0UL, m.Anomalies);
        var d = m.Details;
        Assert.False(d.GetProperty("fromMaster").GetBoolean());
        Assert.Equal(0, d.GetProperty("datagram").GetInt32());
        Assert.Equal(1, d.GetProperty("index").GetInt32());
        Assert.Equal(3, d.GetProperty("adp").GetInt32());
        Assert.Equal(0x0130, d.GetProperty("ado").GetInt32());
        Assert.Equal(2, d.GetProperty("length").GetInt32());
        Assert.Equal(3, d.GetProperty("wkc").GetInt32());
        Assert.False(d.GetProperty("circulating").GetBoolean());
        Assert.False(d.GetProperty("more").GetBoolean());
        Assert.Equal("OP", d.GetProperty("alStatus").GetString());
        Assert.False(d.TryGetProperty("logicalAddress", out _));
    }

    [Fact]
    public void TryRead_ThreeChainedDatagramsAndPadding_OneMessageEachNoAnomaly()
    {
        var sink = EtherCatTestDecode.Frame(EtherCatVectors.Chained);

        Assert.Equal(3, sink.Messages.Count);
        Assert.All(sink.Messages, m => Assert.Equal(0UL, m.Anomalies));
        Assert.Equal([4, 12, 13], sink.Messages.Select(m => m.Function));
        Assert.Equal([0, 1, 2], sink.Messages.Select(m => m.Details.GetProperty("datagram").GetInt32()));
        Assert.Equal([true, true, false], sink.Messages.Select(m => m.Details.GetProperty("more").GetBoolean()));
        Assert.Equal("SAFEOP", sink.Messages[0].Details.GetProperty("alStatus").GetString());
        Assert.Equal(0x00010000, sink.Messages[1].Details.GetProperty("logicalAddress").GetInt64());
        Assert.Equal(OtOperation.Write, sink.Messages[1].Operation);
        Assert.Equal(OtOperation.TimeSync, sink.Messages[2].Operation);
        Assert.Equal(0x0910, sink.Messages[2].Details.GetProperty("ado").GetInt32());
        Assert.Equal(2, sink.Messages[2].Details.GetProperty("wkc").GetInt32());
    }

    [Fact]
    public void TryRead_LogicalRead_WritesLogicalAddressInsteadOfAdpAdo()
    {
        var m = EtherCatTestDecode.Single(EtherCatVectors.LogicalRead);

        Assert.Equal(10, m.Function);
        Assert.Equal("LRD", m.FunctionName);
        Assert.Equal(OtOperation.Read, m.Operation);
        Assert.False(m.IsResponse);
        Assert.Equal(0x12345678, m.Details.GetProperty("logicalAddress").GetInt64());
        Assert.False(m.Details.TryGetProperty("adp", out _));
        Assert.False(m.Details.TryGetProperty("ado", out _));
        Assert.Equal(8, m.Details.GetProperty("length").GetInt32());
    }

    [Fact]
    public void TryRead_LogicalRead_ExposesTypedFields()
    {
        var reader = new EtherCatDatagramReader(EtherCatVectors.LogicalRead, fromMaster: true);
        Assert.True(reader.TryRead(out var message));

        Assert.Equal(EtherCatCommand.Lrd, message.Command);
        Assert.True(message.IsLogical);
        Assert.Equal(0x12345678u, message.LogicalAddress);
        Assert.Equal(8, message.Data.Length);
        Assert.Equal((ushort)0, message.WorkingCounter);
        Assert.Null(message.MailboxType);
        Assert.False(reader.TryRead(out _));
    }

    [Fact]
    public void TryRead_AlControlWriteOfOp_IsStartWithAlState()
    {
        var m = EtherCatTestDecode.Single(EtherCatVectors.AlControlOp);

        Assert.Equal(8, m.Function);
        Assert.Equal(OtOperation.Start, m.Operation);
        Assert.Equal("OP", m.Details.GetProperty("alState").GetString());
        Assert.Equal(8, m.Details.GetProperty("alStateCode").GetInt32());
        Assert.False(m.Details.GetProperty("errorAck").GetBoolean());
        Assert.Equal(0UL, m.Anomalies);
    }

    [Fact]
    public void TryRead_AlControlWriteOfInitWithAck_IsRestart()
    {
        var m = EtherCatTestDecode.Single(EtherCatVectors.AlControlInitAck, fromMaster: false);

        Assert.Equal(5, m.Function);
        Assert.Equal(OtOperation.Restart, m.Operation);
        Assert.Equal("INIT", m.Details.GetProperty("alState").GetString());
        Assert.True(m.Details.GetProperty("errorAck").GetBoolean());
        Assert.Equal(0x03E9, m.Details.GetProperty("adp").GetInt32());
    }

    [Fact]
    public void TryRead_AlControlWriteOfUndefinedState_FlagsInvalidAlState()
    {
        var m = EtherCatTestDecode.Single(EtherCatVectors.AlControlBadState);

        Assert.Equal(OtOperation.Control, m.Operation);
        Assert.Equal(["invalid_al_state"], m.AnomalyNames);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, m.Details.GetProperty("alState").ValueKind);
        Assert.Equal(5, m.Details.GetProperty("alStateCode").GetInt32());
    }

    [Fact]
    public void TryRead_CoeSdoUploadRequest_DecodesMailboxAndSdo()
    {
        var m = EtherCatTestDecode.Single(EtherCatVectors.CoeSdoUploadRequest);

        Assert.Equal(5, m.Function);
        Assert.Equal(OtOperation.Read, m.Operation);
        Assert.Equal(0UL, m.Anomalies);
        var d = m.Details;
        Assert.Equal("CoE", d.GetProperty("mailbox").GetString());
        Assert.Equal(3, d.GetProperty("mailboxType").GetInt32());
        Assert.Equal(10, d.GetProperty("mailboxLength").GetInt32());
        Assert.Equal(1, d.GetProperty("mailboxCounter").GetInt32());
        Assert.Equal(2, d.GetProperty("coeService").GetInt32());
        Assert.Equal("SDO Request", d.GetProperty("coeServiceName").GetString());
        Assert.Equal("Initiate Upload", d.GetProperty("sdoCommandName").GetString());
        Assert.Equal(0x100A, d.GetProperty("sdoIndex").GetInt32());
        Assert.Equal(0, d.GetProperty("sdoSubIndex").GetInt32());
        Assert.False(d.GetProperty("completeAccess").GetBoolean());
    }

    [Fact]
    public void TryRead_CoeSdoUploadResponseReadBack_DecodesResponse()
    {
        var m = EtherCatTestDecode.Single(EtherCatVectors.CoeSdoUploadResponse, fromMaster: false);

        Assert.Equal(4, m.Function);
        Assert.Equal(OtOperation.Read, m.Operation);
        Assert.True(m.IsResponse);
        var d = m.Details;
        Assert.Equal(3, d.GetProperty("coeService").GetInt32());
        Assert.Equal("Initiate Upload", d.GetProperty("sdoCommandName").GetString());
        Assert.Equal(0x100A, d.GetProperty("sdoIndex").GetInt32());
        Assert.False(d.TryGetProperty("completeAccess", out _));
    }

    [Fact]
    public void TryRead_MailboxReadOnItsWayOut_IsNoMailbox()
    {
        var m = EtherCatTestDecode.Single(EtherCatVectors.MailboxReadOutgoing);

        Assert.Equal(OtOperation.Read, m.Operation);
        Assert.False(m.Details.TryGetProperty("mailbox", out _));
    }

    [Fact]
    public void TryRead_FoeWriteRequest_IsFirmwareWithFileName()
    {
        var m = EtherCatTestDecode.Single(EtherCatVectors.FoeWriteRequest);

        Assert.Equal(OtOperation.Firmware, m.Operation);
        Assert.Equal(0UL, m.Anomalies);
        var d = m.Details;
        Assert.Equal("FoE", d.GetProperty("mailbox").GetString());
        Assert.Equal(2, d.GetProperty("mailboxCounter").GetInt32());
        Assert.Equal(2, d.GetProperty("foeOpcode").GetInt32());
        Assert.Equal("Write Request", d.GetProperty("foeOpcodeName").GetString());
        Assert.Equal(0x12345678, d.GetProperty("foePassword").GetInt64());
        Assert.Equal("fw.efw", d.GetProperty("fileName").GetString());
    }

    [Fact]
    public void TryRead_FoeWriteRequest_ExposesFileNameSpan()
    {
        var reader = new EtherCatDatagramReader(EtherCatVectors.FoeWriteRequest, fromMaster: true);
        Assert.True(reader.TryRead(out var message));

        Assert.Equal(EtherCatMailboxType.Foe, message.MailboxType);
        Assert.Equal((byte)2, message.FoeOpcode);
        Assert.Equal("fw.efw"u8.ToArray(), message.FileName.ToArray());
    }

    [Fact]
    public void TryRead_NetworkVariablesFrame_OneFrameRecordWithoutFunction()
    {
        var m = EtherCatTestDecode.Single(EtherCatVectors.NetworkVariables);

        Assert.Equal(-1, m.Function);
        Assert.Null(m.FunctionName);
        Assert.Equal(0UL, m.Anomalies);
        Assert.Equal(4, m.Details.GetProperty("frameType").GetInt32());
        Assert.Equal("Network Variables", m.Details.GetProperty("frameTypeName").GetString());
    }

    [Fact]
    public void TryRead_CoeSdoAbort_DecodesIndexAndAbortCode()
    {
        var m = EtherCatTestDecode.Single(EtherCatVectors.CoeSdoAbort, fromMaster: false);

        Assert.Equal(0UL, m.Anomalies);
        var d = m.Details;
        Assert.Equal("Abort Transfer", d.GetProperty("sdoCommandName").GetString());
        Assert.Equal(0x6040, d.GetProperty("sdoIndex").GetInt32());
        Assert.Equal(0x06020000, d.GetProperty("sdoAbortCode").GetInt64());
        Assert.Equal(2, d.GetProperty("mailboxCounter").GetInt32());
    }

    [Fact]
    public void TryRead_MailboxErrorReply_NamedErr()
    {
        var m = EtherCatTestDecode.Single(EtherCatVectors.MailboxErrorReply, fromMaster: false);

        Assert.Equal(0UL, m.Anomalies);
        Assert.Equal("ERR", m.Details.GetProperty("mailbox").GetString());
        Assert.Equal(0, m.Details.GetProperty("mailboxType").GetInt32());
        Assert.Equal(OtOperation.Read, m.Operation);
    }
}
