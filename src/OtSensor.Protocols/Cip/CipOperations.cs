using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Cip;

/// <summary>Maps a CIP service (and the class it addresses, when known) to a protocol-neutral operation.</summary>
/// <remarks>
/// Common services (Vol. 1 appendix A-3) mean the same for every class; codes 0x4B–0x63 are object specific
/// so the class decides: Connection Manager (§3-5.5), File object (Vol. 1 §5A-42), PCCC (0x67), and
/// otherwise the Logix tag services (Rockwell 1756-PM020: Read/Write Tag, fragmented and read-modify-write).
/// A Set service on the Logix Wall Clock Time object (0x8B) sets the controller's clock: a time change.
/// A reply carries no path, so its class is unknown (-1) and it maps by service code alone.
/// </remarks>
public static class CipOperations
{
    public static OtOperation Of(byte service, int classId)
    {
        switch (service)
        {
            case CipConstants.GetAttributesAll:
            case CipConstants.GetAttributeList:
            case CipConstants.GetAttributeSingle:
            case CipConstants.FindNextObjectInstance:
            case CipConstants.GetMember:
                return OtOperation.Read;
            case CipConstants.SetAttributesAll:
            case CipConstants.SetAttributeList:
            case CipConstants.SetAttributeSingle:
            case CipConstants.Create:
            case CipConstants.Delete:
            case CipConstants.ApplyAttributes:
            case CipConstants.Restore:
            case CipConstants.Save:
            case CipConstants.SetMember:
                return classId switch
                {
                    CipConstants.FirmwareUpdateClass => OtOperation.Firmware,
                    // Setting the Logix wall clock sets the controller's time (the EIP-ChangeTime/DateAttempt captures
                    // send Set Attribute List, attribute 6, a 64-bit microsecond count).
                    CipConstants.WallClockTimeClass => OtOperation.TimeSync,
                    _ => OtOperation.Write,
                };
            case CipConstants.Reset:
                return OtOperation.Restart;
            case CipConstants.Start:
                return OtOperation.Start;
            case CipConstants.Stop:
                return OtOperation.Stop;
            case CipConstants.MultipleServicePacket:
                return OtOperation.Other;
        }

        if (service < 0x4B || service > 0x63) return OtOperation.None;
        switch (classId)
        {
            case CipConstants.ConnectionManagerClass:
                return OtOperation.Other;
            case CipConstants.PcccClass:
                return OtOperation.Other;
            case CipConstants.FirmwareUpdateClass:
                return OtOperation.Firmware;
            case CipConstants.FileClass:
                // File object: 0x4B Initiate Upload, 0x4D Initiate Partial Read, 0x4F Upload Transfer read the file;
                // 0x4C Initiate Download, 0x4E Initiate Partial Write, 0x50 Download Transfer, 0x51 Clear File write it.
                return service switch
                {
                    0x4B or 0x4D or 0x4F => OtOperation.ProgramUpload,
                    0x4C or 0x4E or 0x50 or 0x51 => OtOperation.ProgramDownload,
                    _ => OtOperation.Other,
                };
        }

        return service switch
        {
            CipConstants.ReadTag or CipConstants.ReadTagFragmented or 0x55 => OtOperation.Read,
            CipConstants.WriteTag or CipConstants.ReadModifyWriteTag or CipConstants.WriteTagFragmented => OtOperation.Write,
            CipConstants.ForwardOpen or CipConstants.LargeForwardOpen => OtOperation.Other,
            _ => OtOperation.Other,
        };
    }
}
