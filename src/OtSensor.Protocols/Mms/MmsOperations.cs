using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Mms;

/// <summary>Maps MMS PDU types and confirmed services (ISO 9506-2 §7.2) to <see cref="OtOperation"/>.</summary>
/// <remarks>
/// Domain upload/download sequences and file transfer move programs and configuration (IEC 61850 SCL files,
/// COMTRADE records): file reads and uploads are ProgramUpload, obtainFile (the server fetches a file from the
/// client) and domain downloads are ProgramDownload. Program invocation services start/stop/reset the device.
/// </remarks>
internal static class MmsOperations
{
    public static OtOperation Of(int pduType, int service, int unconfirmedService)
    {
        switch ((MmsPduType)pduType)
        {
            case MmsPduType.ConfirmedRequest:
            case MmsPduType.ConfirmedResponse:
                return Service(service);
            case MmsPduType.Unconfirmed:
                return unconfirmedService == 0 ? OtOperation.Read : OtOperation.Other;
            case MmsPduType.None:
                return OtOperation.None;
            default:
                return OtOperation.Other;
        }
    }

    private static OtOperation Service(int service) => service switch
    {
        4 => OtOperation.Read,
        5 => OtOperation.Write,
        0 or 1 or 6 or 9 or 12 or 15 or 37 or 45 or 49 or 55 or 61 or 63 or 64 or 71 or 77 => OtOperation.Discovery,
        2 => OtOperation.Identification,
        7 or 8 or 10 or 11 or 13 or 14 or 16 or 3 => OtOperation.Write,
        17 or 65 or 68 => OtOperation.Read,
        18 => OtOperation.Control,
        19 or 20 or 21 or 22 or 38 or 39 => OtOperation.Control,
        26 or 27 or 28 or 32 or 34 or 36 or 46 => OtOperation.ProgramDownload,
        29 or 30 or 31 or 33 or 35 or 72 or 73 or 74 => OtOperation.ProgramUpload,
        40 or 42 => OtOperation.Start,
        41 or 44 => OtOperation.Stop,
        43 => OtOperation.Restart,
        _ => OtOperation.Other,
    };
}
