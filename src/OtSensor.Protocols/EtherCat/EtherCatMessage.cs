using System.Text.Json;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.EtherCat;

/// <summary>
/// One EtherCAT datagram with its frame header facts, the register or mailbox meaning found in its data, and
/// anomalies. For a frame that carries no datagram (network variables, mailbox gateway, or too short) it is one
/// frame-level record with <see cref="Function"/> -1.
/// </summary>
/// <remarks>
/// A <c>ref struct</c> over the frame, valid only during <see cref="Registry.IProtocolEventSink.OnEtherCat"/>.
/// <see cref="IsResponse"/> is true for a frame that has passed through at least one slave (see
/// <see cref="EtherCatDatagramReader"/>): EtherCAT itself has no requests or responses.
/// </remarks>
public readonly ref struct EtherCatMessage : IProtocolMessage
{
    private readonly ReadOnlySpan<byte> _frame;
    private readonly EtherCatDecoded _d;

    /// <summary>A message over <paramref name="frame"/> whose fields the parser fills in place through <see cref="Fields"/>.</summary>
    internal EtherCatMessage(ReadOnlySpan<byte> frame)
    {
        _frame = frame;
        _d = default;
    }

    /// <summary>The decoded fields, writable, for the parser only (messages are built in place: src/OtSensor.Protocols/README.md).</summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    internal ref EtherCatDecoded Fields => ref System.Runtime.CompilerServices.Unsafe.AsRef(in _d);

    public ProtocolId Protocol => ProtocolId.EtherCat;

    /// <summary>The datagram command (event-log contract); -1 for a frame-level record.</summary>
    public int Function => IsFrameOnly ? -1 : _d.Command;

    public string? FunctionName => IsFrameOnly ? null : EtherCatNames.Command(_d.Command);

    public OtOperation Operation => _d.Operation;

    /// <summary>True when the frame came back through the slaves rather than straight from the master.</summary>
    public bool IsResponse => !_d.FromMaster;

    public bool FromMaster => _d.FromMaster;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public EtherCatAnomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => EtherCatNames.Anomaly(bit);

    /// <summary>EtherCAT states no vendor or model in a datagram (that lives in the SII EEPROM, read word by word).</summary>
    public bool HasIdentity => false;

    public void ReportIdentity(IIdentityReceiver receiver)
    {
    }

    /// <summary>True for a record of a frame without datagrams (frame type other than 1, or too short for one).</summary>
    public bool IsFrameOnly => _d.Has(EtherCatFieldPresence.FrameOnly);

    /// <summary>The whole EtherCAT frame, from its 2-byte header.</summary>
    public ReadOnlySpan<byte> Frame => _frame;

    public byte FrameType => _d.FrameType;
    public ushort FrameLength => _d.FrameLength;

    /// <summary>Position of the datagram in its frame, from 0.</summary>
    public int Position => _d.Position;

    public byte CommandRaw => _d.Command;
    public EtherCatCommand Command => (EtherCatCommand)_d.Command;
    public byte Index => _d.Index;

    /// <summary>True for LRD, LWR and LRW, whose address is one 32-bit logical address.</summary>
    public bool IsLogical => _d.Command is >= 10 and <= 12;

    /// <summary>Position (auto-increment) or station address; meaningless for logical commands.</summary>
    public ushort Adp => (ushort)_d.Address;

    /// <summary>Register or memory offset in the slave; meaningless for logical commands.</summary>
    public ushort Ado => (ushort)(_d.Address >> 16);

    public uint LogicalAddress => _d.Address;

    /// <summary>Data length from the length field (11 bits).</summary>
    public int Length => _d.LengthField & EtherCatConstants.DatagramLengthMask;

    public bool Circulating => (_d.LengthField & EtherCatConstants.CirculatingBit) != 0;
    public bool More => (_d.LengthField & EtherCatConstants.MoreBit) != 0;
    public ushort Irq => _d.Irq;

    /// <summary>Working counter; null when the datagram was cut before it.</summary>
    public ushort? WorkingCounter => _d.Has(EtherCatFieldPresence.WorkingCounter) ? _d.WorkingCounter : null;

    /// <summary>The datagram's data, as far as it was captured.</summary>
    public ReadOnlySpan<byte> Data => _frame.Slice(_d.DataOffset, _d.DataLength);

    /// <summary>State requested by an AL control write (1 INIT, 2 PREOP, 3 BOOT, 4 SAFEOP, 8 OP); null otherwise.</summary>
    public byte? RequestedAlState => _d.Has(EtherCatFieldPresence.AlControl) ? _d.AlState : null;

    /// <summary>State reported by an AL status read that a slave answered; null otherwise.</summary>
    public byte? AlStatus => _d.Has(EtherCatFieldPresence.AlStatus) ? _d.AlState : null;

    public EtherCatMailboxType? MailboxType => _d.Has(EtherCatFieldPresence.Mailbox) ? (EtherCatMailboxType)_d.MailboxType : null;

    public byte? CoeService => _d.Has(EtherCatFieldPresence.Coe) ? _d.CoeService : null;
    public ushort? SdoIndex => _d.Has(EtherCatFieldPresence.SdoAddress) ? _d.SdoIndex : null;
    public byte? SdoSubIndex => _d.Has(EtherCatFieldPresence.SdoAddress) ? _d.SdoSubIndex : null;
    public byte? FoeOpcode => _d.Has(EtherCatFieldPresence.Foe) ? _d.FoeOpcode : null;

    /// <summary>File name of an FoE read or write request (raw bytes, NUL-terminated names cut at the NUL).</summary>
    public ReadOnlySpan<byte> FileName => _d.Has(EtherCatFieldPresence.FoeFileName) ? _frame.Slice(_d.FileNameOffset, _d.FileNameLength) : default;

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBoolean(EtherCatFields.FromMaster, _d.FromMaster);
        if (IsFrameOnly)
        {
            writer.WriteNumber(EtherCatFields.FrameType, _d.FrameType);
            WriteNameOrNull(writer, EtherCatFields.FrameTypeName, EtherCatNames.FrameType(_d.FrameType));
            writer.WriteNumber(EtherCatFields.FrameLength, _d.FrameLength);
            return;
        }

        writer.WriteNumber(EtherCatFields.Datagram, _d.Position);
        writer.WriteNumber(EtherCatFields.Index, _d.Index);
        if (IsLogical)
        {
            writer.WriteNumber(EtherCatFields.LogicalAddress, _d.Address);
        }
        else
        {
            writer.WriteNumber(EtherCatFields.Adp, Adp);
            writer.WriteNumber(EtherCatFields.Ado, Ado);
        }
        writer.WriteNumber(EtherCatFields.Length, Length);
        writer.WriteNumber(EtherCatFields.Irq, _d.Irq);
        if (_d.Has(EtherCatFieldPresence.WorkingCounter)) writer.WriteNumber(EtherCatFields.Wkc, _d.WorkingCounter);
        else writer.WriteNull(EtherCatFields.Wkc);
        writer.WriteBoolean(EtherCatFields.Circulating, Circulating);
        writer.WriteBoolean(EtherCatFields.More, More);

        if (_d.Has(EtherCatFieldPresence.AlControl))
        {
            WriteNameOrNull(writer, EtherCatFields.AlState, EtherCatNames.AlState(_d.AlState));
            writer.WriteNumber(EtherCatFields.AlStateCode, _d.AlState);
            writer.WriteBoolean(EtherCatFields.ErrorAck, _d.AlErrorBit);
        }
        else if (_d.Has(EtherCatFieldPresence.AlStatus))
        {
            WriteNameOrNull(writer, EtherCatFields.AlStatus, EtherCatNames.AlState(_d.AlState));
            writer.WriteNumber(EtherCatFields.AlStatusCode, _d.AlState);
            writer.WriteBoolean(EtherCatFields.AlError, _d.AlErrorBit);
        }

        if (_d.Has(EtherCatFieldPresence.Mailbox)) WriteMailbox(writer);
    }

    private void WriteMailbox(Utf8JsonWriter writer)
    {
        WriteNameOrNull(writer, EtherCatFields.Mailbox, EtherCatNames.MailboxType(_d.MailboxType));
        writer.WriteNumber(EtherCatFields.MailboxType, _d.MailboxType);
        writer.WriteNumber(EtherCatFields.MailboxLength, _d.MailboxLength);
        writer.WriteNumber(EtherCatFields.MailboxAddress, _d.MailboxAddress);
        writer.WriteNumber(EtherCatFields.MailboxCounter, _d.MailboxCounter);

        if (_d.Has(EtherCatFieldPresence.Coe))
        {
            writer.WriteNumber(EtherCatFields.CoeNumber, _d.CoeNumber);
            writer.WriteNumber(EtherCatFields.CoeService, _d.CoeService);
            WriteNameOrNull(writer, EtherCatFields.CoeServiceName, EtherCatNames.CoeService(_d.CoeService));
        }
        if (_d.Has(EtherCatFieldPresence.Sdo))
        {
            bool response = _d.CoeService == 3;
            int specifier = _d.SdoCommand >> EtherCatConstants.SdoSpecifierShift;
            writer.WriteNumber(EtherCatFields.SdoCommand, _d.SdoCommand);
            WriteNameOrNull(writer, EtherCatFields.SdoCommandName, EtherCatNames.SdoCommand((byte)specifier, response));
            if (!response && specifier is 1 or 2)
                writer.WriteBoolean(EtherCatFields.CompleteAccess, (_d.SdoCommand & EtherCatConstants.SdoCompleteAccessBit) != 0);
        }
        if (_d.Has(EtherCatFieldPresence.SdoAddress))
        {
            writer.WriteNumber(EtherCatFields.SdoIndex, _d.SdoIndex);
            writer.WriteNumber(EtherCatFields.SdoSubIndex, _d.SdoSubIndex);
        }
        if (_d.Has(EtherCatFieldPresence.SdoAbortCode)) writer.WriteNumber(EtherCatFields.SdoAbortCode, _d.SdoAbortCode);

        if (_d.Has(EtherCatFieldPresence.Foe))
        {
            writer.WriteNumber(EtherCatFields.FoeOpcode, _d.FoeOpcode);
            WriteNameOrNull(writer, EtherCatFields.FoeOpcodeName, EtherCatNames.FoeOpcode(_d.FoeOpcode));
        }
        if (_d.Has(EtherCatFieldPresence.FoeValue))
        {
            string key = _d.FoeOpcode switch
            {
                1 or 2 => EtherCatFields.FoePassword,
                5 => EtherCatFields.FoeErrorCode,
                _ => EtherCatFields.FoePacket,
            };
            writer.WriteNumber(key, _d.FoeValue);
        }
        if (_d.Has(EtherCatFieldPresence.FoeFileName)) WriteText(writer, EtherCatFields.FileName, FileName);
    }

    private static void WriteNameOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }

    /// <summary>
    /// Writes a file name as Latin-1, cut at <see cref="EtherCatConstants.MaxFileNameLength"/>: names are ASCII by
    /// convention but attacker-controlled, and Utf8JsonWriter rejects invalid UTF-8, so every byte maps to one char.
    /// </summary>
    private static void WriteText(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> value)
    {
        Span<char> chars = stackalloc char[EtherCatConstants.MaxFileNameLength];
        int n = Math.Min(value.Length, chars.Length);
        for (int i = 0; i < n; i++) chars[i] = (char)value[i];
        writer.WriteString(name, chars[..n]);
    }
}
