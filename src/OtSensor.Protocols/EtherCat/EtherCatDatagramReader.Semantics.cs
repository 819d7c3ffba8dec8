using System.Buffers.Binary;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.EtherCat;

/// <summary>What a datagram does: its operation, the ESC registers it touches and the mailbox it carries.</summary>
public ref partial struct EtherCatDatagramReader
{
    /// <summary>
    /// Operation from the command; then the registers that change its meaning: AL control (0x0120, a state change
    /// request), AL status (0x0130), distributed clocks (0x0900–0x09FF, time synchronisation), and mailbox
    /// SyncManager areas (0x1000 and up).
    /// </summary>
    private static void Interpret(ref EtherCatDecoded d, ReadOnlySpan<byte> data)
    {
        byte command = d.Command;
        d.Operation = command switch
        {
            (byte)EtherCatCommand.Nop => OtOperation.None,
            (byte)EtherCatCommand.Aprd or (byte)EtherCatCommand.Fprd or (byte)EtherCatCommand.Brd or (byte)EtherCatCommand.Lrd => OtOperation.Read,
            <= EtherCatConstants.MaxCommand => OtOperation.Write,
            _ => OtOperation.Other,
        };

        // Logical commands address FMMU-mapped process data, not registers; unknown commands address nothing known.
        if (!IsPhysical(command)) return;
        int ado = (ushort)(d.Address >> 16);

        if (WritesRegister(command) && Covers(ado, data.Length, EtherCatConstants.AlControlRegister))
        {
            byte control = data[EtherCatConstants.AlControlRegister - ado];
            d.AlState = (byte)(control & EtherCatConstants.AlStateMask);
            d.AlErrorBit = (control & EtherCatConstants.AlErrorBit) != 0;
            d.Present |= EtherCatFieldPresence.AlControl;
            d.Operation = StateChangeOperation(d.AlState);
            if (EtherCatNames.AlState(d.AlState) is null) d.Anomalies |= EtherCatAnomalies.InvalidAlState;
        }

        // AL status is only meaningful once a slave has filled it in (working counter above 0).
        if (ReadsRegister(command) && d.Has(EtherCatFieldPresence.WorkingCounter) && d.WorkingCounter > 0
            && Covers(ado, data.Length, EtherCatConstants.AlStatusRegister))
        {
            byte status = data[EtherCatConstants.AlStatusRegister - ado];
            d.AlState = (byte)(status & EtherCatConstants.AlStateMask);
            d.AlErrorBit = (status & EtherCatConstants.AlErrorBit) != 0;
            d.Present |= EtherCatFieldPresence.AlStatus;
        }

        if (d.Operation == OtOperation.Write && ado is >= EtherCatConstants.DistributedClockFirst and <= EtherCatConstants.DistributedClockLast)
            d.Operation = OtOperation.TimeSync;

        if (IsMailboxCandidate(in d, ado, data.Length)) DecodeMailbox(ref d, data);
    }

    /// <summary>
    /// INIT re-initialises the slave (restart); PREOP and SAFEOP take it out of operation (outputs off: stop); OP
    /// starts it; BOOT is the firmware-update state (ETG.1000.6 §6.4.1, ETG.1000.6 §5.6.4 FoE in BOOT).
    /// </summary>
    private static OtOperation StateChangeOperation(byte state) => state switch
    {
        1 => OtOperation.Restart,
        2 or 4 => OtOperation.Stop,
        3 => OtOperation.Firmware,
        8 => OtOperation.Start,
        _ => OtOperation.Control,
    };

    private static bool IsPhysical(byte command) => command is >= 1 and <= 9 or 13 or 14;

    /// <summary>Commands whose data a slave writes into its registers (read-multiple-write writes the DC time only).</summary>
    private static bool WritesRegister(byte command) => command is 2 or 3 or 5 or 6 or 8 or 9;

    private static bool ReadsRegister(byte command) => command is 1 or 3 or 4 or 6 or 7 or 9;

    private static bool Covers(int ado, int length, int register) => register >= ado && register - ado < length;

    /// <summary>
    /// A mailbox is written with APWR/FPWR into the receive SyncManager, and read with APRD/FPRD from the send
    /// SyncManager once one slave answered (working counter 1): both live in process RAM (0x1000 and up). This is
    /// the rule tshark 4.0 applies; the header is then checked more strictly than tshark does (see DecodeMailbox).
    /// </summary>
    private static bool IsMailboxCandidate(in EtherCatDecoded d, int ado, int dataLength)
    {
        if (ado < EtherCatConstants.ProcessRamStart || dataLength < EtherCatConstants.MailboxHeaderLength) return false;
        if (!d.Has(EtherCatFieldPresence.WorkingCounter)) return false;
        return d.Command switch
        {
            (byte)EtherCatCommand.Apwr or (byte)EtherCatCommand.Fpwr => true,
            (byte)EtherCatCommand.Aprd or (byte)EtherCatCommand.Fprd => d.WorkingCounter == 1,
            _ => false,
        };
    }

    /// <summary>
    /// Mailbox header (ETG.1000.6 §5.6 Table 29):
    /// <code>
    /// +------------+-------------+-----------------+-----------------------------+----------------+
    /// | Length (2) | Address (2) | Channel/Prio (1)| Type (4 bits) Cnt (3) R (1) | service (Length)|
    /// +------------+-------------+-----------------+-----------------------------+----------------+
    /// </code>
    /// Accepted as a mailbox only when the length is 1–1500 and fits in the datagram, and the type is defined
    /// (an error reply must also say so in its first word): process data written to an SM area would otherwise
    /// pass as a mailbox whenever its sixth byte happened to name a type.
    /// </summary>
    private static void DecodeMailbox(ref EtherCatDecoded d, ReadOnlySpan<byte> data)
    {
        int length = BinaryPrimitives.ReadUInt16LittleEndian(data);
        byte type = (byte)(data[5] & EtherCatConstants.MailboxTypeMask);
        if (length == 0 || length > EtherCatConstants.MaxMailboxLength || length > data.Length - EtherCatConstants.MailboxHeaderLength) return;
        if (EtherCatNames.MailboxType(type) is null) return;
        var service = data.Slice(EtherCatConstants.MailboxHeaderLength, length);
        if (type == (byte)EtherCatMailboxType.Error
            && (length != EtherCatConstants.MailboxErrorLength || BinaryPrimitives.ReadUInt16LittleEndian(service) != 1)) return;

        d.Present |= EtherCatFieldPresence.Mailbox;
        d.MailboxLength = (ushort)length;
        d.MailboxAddress = BinaryPrimitives.ReadUInt16LittleEndian(data[2..]);
        d.MailboxType = type;
        d.MailboxCounter = (byte)((data[5] >> EtherCatConstants.MailboxCounterShift) & EtherCatConstants.MailboxCounterMask);

        if (type == (byte)EtherCatMailboxType.Coe) DecodeCoe(ref d, service);
        else if (type == (byte)EtherCatMailboxType.Foe) DecodeFoe(ref d, service, d.DataOffset + EtherCatConstants.MailboxHeaderLength);
    }

    /// <summary>CoE header and, for SDO services, the command, index and subindex (ETG.1000.6 §5.6.2).</summary>
    private static void DecodeCoe(ref EtherCatDecoded d, ReadOnlySpan<byte> service)
    {
        if (service.Length < EtherCatConstants.CoeHeaderLength)
        {
            d.Anomalies |= EtherCatAnomalies.MailboxTruncated;
            return;
        }

        ushort header = BinaryPrimitives.ReadUInt16LittleEndian(service);
        d.CoeNumber = (ushort)(header & EtherCatConstants.CoeNumberMask);
        d.CoeService = (byte)(header >> EtherCatConstants.CoeServiceShift);
        d.Present |= EtherCatFieldPresence.Coe;
        switch (d.CoeService)
        {
            case 1:
                d.Operation = OtOperation.Diagnostics;
                break;
            case 2:
            case 3:
                DecodeSdo(ref d, service[EtherCatConstants.CoeHeaderLength..], response: d.CoeService == 3);
                break;
            case 8:
                // SDO Information reads object dictionary descriptions.
                d.Operation = OtOperation.Read;
                break;
            case >= 4 and <= 7:
                break;
            default:
                d.Anomalies |= EtherCatAnomalies.UnknownCoeService;
                break;
        }
    }

    /// <summary>
    /// SDO command byte: specifier in bits 5–7, complete access in bit 4 of initiate requests; index and subindex
    /// follow for initiate and abort, not for segments (ETG.1000.6 §5.6.2.2–5.6.2.7). Download writes the slave's
    /// object dictionary, upload reads it.
    /// </summary>
    private static void DecodeSdo(ref EtherCatDecoded d, ReadOnlySpan<byte> sdo, bool response)
    {
        if (sdo.IsEmpty)
        {
            d.Anomalies |= EtherCatAnomalies.MailboxTruncated;
            return;
        }

        d.SdoCommand = sdo[0];
        d.Present |= EtherCatFieldPresence.Sdo;
        int specifier = d.SdoCommand >> EtherCatConstants.SdoSpecifierShift;
        bool download = response ? specifier is 1 or 3 : specifier is 0 or 1;
        bool upload = response ? specifier is 0 or 2 : specifier is 2 or 3;
        if (download) d.Operation = OtOperation.Write;
        else if (upload) d.Operation = OtOperation.Read;

        bool addressed = response ? specifier is 2 or 3 or 4 : specifier is 1 or 2 or 4;
        if (!addressed) return;
        if (sdo.Length < EtherCatConstants.SdoHeaderLength)
        {
            d.Anomalies |= EtherCatAnomalies.MailboxTruncated;
            return;
        }

        d.SdoIndex = BinaryPrimitives.ReadUInt16LittleEndian(sdo[1..]);
        d.SdoSubIndex = sdo[3];
        d.Present |= EtherCatFieldPresence.SdoAddress;
        if (specifier != 4) return;
        if (sdo.Length < EtherCatConstants.SdoHeaderLength + EtherCatConstants.SdoAbortCodeLength)
        {
            d.Anomalies |= EtherCatAnomalies.MailboxTruncated;
            return;
        }
        d.SdoAbortCode = BinaryPrimitives.ReadUInt32LittleEndian(sdo[EtherCatConstants.SdoHeaderLength..]);
        d.Present |= EtherCatFieldPresence.SdoAbortCode;
    }

    /// <summary>
    /// FoE (ETG.1000.6 §5.6.4): OpCode(1) reserved(1), then for read/write requests a password (4) and the file
    /// name (rest of the service), for data/ack the packet number (4), for error the error code (4). Every FoE
    /// service is part of a file transfer, in practice a firmware update in the BOOT state.
    /// </summary>
    private static void DecodeFoe(ref EtherCatDecoded d, ReadOnlySpan<byte> service, int serviceOffset)
    {
        d.Operation = OtOperation.Firmware;
        if (service.Length < 2)
        {
            d.Anomalies |= EtherCatAnomalies.MailboxTruncated;
            return;
        }

        d.FoeOpcode = service[0];
        d.Present |= EtherCatFieldPresence.Foe;
        if (EtherCatNames.FoeOpcode(d.FoeOpcode) is null)
        {
            d.Anomalies |= EtherCatAnomalies.UnknownFoeOpcode;
            return;
        }
        if (d.FoeOpcode == 6) return; // Busy: done/entire progress counters only.

        if (service.Length < EtherCatConstants.FoeHeaderLength)
        {
            d.Anomalies |= EtherCatAnomalies.MailboxTruncated;
            return;
        }
        d.FoeValue = BinaryPrimitives.ReadUInt32LittleEndian(service[2..]);
        d.Present |= EtherCatFieldPresence.FoeValue;
        if (d.FoeOpcode is not (1 or 2)) return;

        // The name fills the rest of the service; some masters add a terminating NUL.
        var name = service[EtherCatConstants.FoeHeaderLength..];
        int nul = name.IndexOf((byte)0);
        if (nul >= 0) name = name[..nul];
        d.FileNameOffset = serviceOffset + EtherCatConstants.FoeHeaderLength;
        d.FileNameLength = name.Length;
        d.Present |= EtherCatFieldPresence.FoeFileName;
    }
}
