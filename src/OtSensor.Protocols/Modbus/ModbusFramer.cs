using System.Buffers;
using System.Buffers.Binary;

namespace OtSensor.Protocols.Modbus;

/// <summary>Finds the length of the next ADU in a byte stream.</summary>
/// <remarks>
/// Implementation Guide V1.0b §3.1.3: the MBAP length field counts the unit id and the PDU, so the ADU is
/// length + 6 bytes. A header whose protocol id is not 0 or whose length is outside 2..254 cannot start a
/// Modbus ADU: <see cref="OperationStatus.InvalidData"/>, and the session resynchronises.
/// </remarks>
public static class ModbusFramer
{
    /// <param name="frameLength">On <see cref="OperationStatus.Done"/> the ADU length; on
    /// <see cref="OperationStatus.NeedMoreData"/> the bytes needed (header, or whole ADU once the header is known).</param>
    public static OperationStatus TryGetFrameLength(ReadOnlySpan<byte> data, out int frameLength)
    {
        if (data.Length < ModbusConstants.LengthFieldBase)
        {
            // Reject a bad protocol id as soon as it is visible rather than waiting for six bytes.
            if ((data.Length >= 3 && data[2] != 0) || (data.Length >= 4 && data[3] != 0))
            {
                frameLength = 0;
                return OperationStatus.InvalidData;
            }
            frameLength = ModbusConstants.MbapHeaderLength;
            return OperationStatus.NeedMoreData;
        }

        ushort protocolId = BinaryPrimitives.ReadUInt16BigEndian(data[2..]);
        ushort length = BinaryPrimitives.ReadUInt16BigEndian(data[ModbusConstants.LengthFieldOffset..]);
        if (protocolId != 0 || !ModbusProbe.IsValidLength(length))
        {
            frameLength = 0;
            return OperationStatus.InvalidData;
        }

        frameLength = length + ModbusConstants.LengthFieldBase;
        return data.Length >= frameLength ? OperationStatus.Done : OperationStatus.NeedMoreData;
    }

    /// <summary>Which anomaly made the header at the start of <paramref name="data"/> invalid.</summary>
    internal static ModbusAnomalies HeaderAnomaly(ReadOnlySpan<byte> data)
    {
        if ((data.Length >= 3 && data[2] != 0) || (data.Length >= 4 && data[3] != 0)) return ModbusAnomalies.InvalidProtocolId;
        return ModbusAnomalies.InvalidLength;
    }
}
