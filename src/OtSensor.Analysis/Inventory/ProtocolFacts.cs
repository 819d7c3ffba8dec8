using System.Runtime.CompilerServices;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Bacnet;
using OtSensor.Protocols.Dnp3;
using OtSensor.Protocols.Enip;
using OtSensor.Protocols.Modbus;

namespace OtSensor.Analysis.Inventory;

/// <summary>
/// Protocol facts the common message contract does not carry but classification and the device's
/// <c>protocols[].addresses</c> want: the CIP device profile of a ListIdentity reply, the BACnet device instance of an
/// I-Am, the DNP3 outstation address and the Modbus unit id of a server. Each branch is chosen per message type
/// when the generic method is compiled (a <c>typeof</c> test on a struct type argument folds to a constant), so other
/// protocols pay nothing, and a repeated address costs two comparisons.
/// </summary>
internal static class ProtocolFacts
{
    public static void Observe<TMessage>(Device sender, bool senderIsServer, in TMessage message)
        where TMessage : struct, IProtocolMessage, allows ref struct
    {
        if (typeof(TMessage) == typeof(EnipMessage))
        {
            if (!message.HasIdentity) return;
            ref readonly var enip = ref Unsafe.As<TMessage, EnipMessage>(ref Unsafe.AsRef(in message));
            sender.CipDeviceType = enip.DeviceType;
        }
        else if (typeof(TMessage) == typeof(BacnetMessage))
        {
            ref readonly var bacnet = ref Unsafe.As<TMessage, BacnetMessage>(ref Unsafe.AsRef(in message));
            // I-Am (unconfirmed service 0, ASHRAE 135 §16.10) announces the sender's device object instance. One that
            // carries a source network (SNET, §6.2.2) was relayed by a BACnet router for a device behind it (MS/TP):
            // the instance is not the relaying device's.
            if (bacnet.PduType == BacnetPduType.UnconfirmedRequest && bacnet.Function == 0 && bacnet.DeviceInstance >= 0 && bacnet.SourceNetwork < 0)
                sender.AddProtocolAddress(ProtocolId.Bacnet, bacnet.DeviceInstance);
        }
        else if (typeof(TMessage) == typeof(Dnp3Message))
        {
            if (!message.IsResponse) return;
            ref readonly var dnp3 = ref Unsafe.As<TMessage, Dnp3Message>(ref Unsafe.AsRef(in message));
            sender.AddProtocolAddress(ProtocolId.Dnp3, dnp3.Source);
        }
        else if (typeof(TMessage) == typeof(ModbusMessage))
        {
            if (!senderIsServer) return;
            ref readonly var modbus = ref Unsafe.As<TMessage, ModbusMessage>(ref Unsafe.AsRef(in message));
            sender.AddProtocolAddress(ProtocolId.Modbus, modbus.UnitId);
        }
    }
}
