using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.OpcUa;

/// <summary>The Part 4 services by the numeric id of their <c>*_Encoding_DefaultBinary</c> node (namespace 0).</summary>
/// <remarks>
/// Ids from the OPC Foundation NodeIds.csv (Part 6 Annex A: the body of a MSG starts with the encoding NodeId of
/// its type). Names match tshark's <c>opcua.servicenodeid.numeric</c> value strings.
/// </remarks>
public static class OpcUaServices
{
    /// <summary>The service, direction and name of a binary encoding id; <see cref="OpcUaServiceKind.Unknown"/> when none.</summary>
    public static (OpcUaServiceKind Kind, bool IsResponse, string? Name) Find(uint id) => id switch
    {
        397 => (OpcUaServiceKind.ServiceFault, true, "ServiceFault"),
        422 => (OpcUaServiceKind.FindServers, false, "FindServersRequest"),
        425 => (OpcUaServiceKind.FindServers, true, "FindServersResponse"),
        12208 => (OpcUaServiceKind.FindServersOnNetwork, false, "FindServersOnNetworkRequest"),
        12209 => (OpcUaServiceKind.FindServersOnNetwork, true, "FindServersOnNetworkResponse"),
        428 => (OpcUaServiceKind.GetEndpoints, false, "GetEndpointsRequest"),
        431 => (OpcUaServiceKind.GetEndpoints, true, "GetEndpointsResponse"),
        437 => (OpcUaServiceKind.RegisterServer, false, "RegisterServerRequest"),
        440 => (OpcUaServiceKind.RegisterServer, true, "RegisterServerResponse"),
        12211 => (OpcUaServiceKind.RegisterServer2, false, "RegisterServer2Request"),
        12212 => (OpcUaServiceKind.RegisterServer2, true, "RegisterServer2Response"),
        446 => (OpcUaServiceKind.OpenSecureChannel, false, "OpenSecureChannelRequest"),
        449 => (OpcUaServiceKind.OpenSecureChannel, true, "OpenSecureChannelResponse"),
        452 => (OpcUaServiceKind.CloseSecureChannel, false, "CloseSecureChannelRequest"),
        455 => (OpcUaServiceKind.CloseSecureChannel, true, "CloseSecureChannelResponse"),
        461 => (OpcUaServiceKind.CreateSession, false, "CreateSessionRequest"),
        464 => (OpcUaServiceKind.CreateSession, true, "CreateSessionResponse"),
        467 => (OpcUaServiceKind.ActivateSession, false, "ActivateSessionRequest"),
        470 => (OpcUaServiceKind.ActivateSession, true, "ActivateSessionResponse"),
        473 => (OpcUaServiceKind.CloseSession, false, "CloseSessionRequest"),
        476 => (OpcUaServiceKind.CloseSession, true, "CloseSessionResponse"),
        479 => (OpcUaServiceKind.Cancel, false, "CancelRequest"),
        482 => (OpcUaServiceKind.Cancel, true, "CancelResponse"),
        488 => (OpcUaServiceKind.AddNodes, false, "AddNodesRequest"),
        491 => (OpcUaServiceKind.AddNodes, true, "AddNodesResponse"),
        494 => (OpcUaServiceKind.AddReferences, false, "AddReferencesRequest"),
        497 => (OpcUaServiceKind.AddReferences, true, "AddReferencesResponse"),
        500 => (OpcUaServiceKind.DeleteNodes, false, "DeleteNodesRequest"),
        503 => (OpcUaServiceKind.DeleteNodes, true, "DeleteNodesResponse"),
        506 => (OpcUaServiceKind.DeleteReferences, false, "DeleteReferencesRequest"),
        509 => (OpcUaServiceKind.DeleteReferences, true, "DeleteReferencesResponse"),
        527 => (OpcUaServiceKind.Browse, false, "BrowseRequest"),
        530 => (OpcUaServiceKind.Browse, true, "BrowseResponse"),
        533 => (OpcUaServiceKind.BrowseNext, false, "BrowseNextRequest"),
        536 => (OpcUaServiceKind.BrowseNext, true, "BrowseNextResponse"),
        554 => (OpcUaServiceKind.TranslateBrowsePaths, false, "TranslateBrowsePathsToNodeIdsRequest"),
        557 => (OpcUaServiceKind.TranslateBrowsePaths, true, "TranslateBrowsePathsToNodeIdsResponse"),
        560 => (OpcUaServiceKind.RegisterNodes, false, "RegisterNodesRequest"),
        563 => (OpcUaServiceKind.RegisterNodes, true, "RegisterNodesResponse"),
        566 => (OpcUaServiceKind.UnregisterNodes, false, "UnregisterNodesRequest"),
        569 => (OpcUaServiceKind.UnregisterNodes, true, "UnregisterNodesResponse"),
        615 => (OpcUaServiceKind.QueryFirst, false, "QueryFirstRequest"),
        618 => (OpcUaServiceKind.QueryFirst, true, "QueryFirstResponse"),
        621 => (OpcUaServiceKind.QueryNext, false, "QueryNextRequest"),
        624 => (OpcUaServiceKind.QueryNext, true, "QueryNextResponse"),
        631 => (OpcUaServiceKind.Read, false, "ReadRequest"),
        634 => (OpcUaServiceKind.Read, true, "ReadResponse"),
        664 => (OpcUaServiceKind.HistoryRead, false, "HistoryReadRequest"),
        667 => (OpcUaServiceKind.HistoryRead, true, "HistoryReadResponse"),
        673 => (OpcUaServiceKind.Write, false, "WriteRequest"),
        676 => (OpcUaServiceKind.Write, true, "WriteResponse"),
        700 => (OpcUaServiceKind.HistoryUpdate, false, "HistoryUpdateRequest"),
        703 => (OpcUaServiceKind.HistoryUpdate, true, "HistoryUpdateResponse"),
        712 => (OpcUaServiceKind.Call, false, "CallRequest"),
        715 => (OpcUaServiceKind.Call, true, "CallResponse"),
        751 => (OpcUaServiceKind.CreateMonitoredItems, false, "CreateMonitoredItemsRequest"),
        754 => (OpcUaServiceKind.CreateMonitoredItems, true, "CreateMonitoredItemsResponse"),
        763 => (OpcUaServiceKind.ModifyMonitoredItems, false, "ModifyMonitoredItemsRequest"),
        766 => (OpcUaServiceKind.ModifyMonitoredItems, true, "ModifyMonitoredItemsResponse"),
        769 => (OpcUaServiceKind.SetMonitoringMode, false, "SetMonitoringModeRequest"),
        772 => (OpcUaServiceKind.SetMonitoringMode, true, "SetMonitoringModeResponse"),
        775 => (OpcUaServiceKind.SetTriggering, false, "SetTriggeringRequest"),
        778 => (OpcUaServiceKind.SetTriggering, true, "SetTriggeringResponse"),
        781 => (OpcUaServiceKind.DeleteMonitoredItems, false, "DeleteMonitoredItemsRequest"),
        784 => (OpcUaServiceKind.DeleteMonitoredItems, true, "DeleteMonitoredItemsResponse"),
        787 => (OpcUaServiceKind.CreateSubscription, false, "CreateSubscriptionRequest"),
        790 => (OpcUaServiceKind.CreateSubscription, true, "CreateSubscriptionResponse"),
        793 => (OpcUaServiceKind.ModifySubscription, false, "ModifySubscriptionRequest"),
        796 => (OpcUaServiceKind.ModifySubscription, true, "ModifySubscriptionResponse"),
        799 => (OpcUaServiceKind.SetPublishingMode, false, "SetPublishingModeRequest"),
        802 => (OpcUaServiceKind.SetPublishingMode, true, "SetPublishingModeResponse"),
        826 => (OpcUaServiceKind.Publish, false, "PublishRequest"),
        829 => (OpcUaServiceKind.Publish, true, "PublishResponse"),
        832 => (OpcUaServiceKind.Republish, false, "RepublishRequest"),
        835 => (OpcUaServiceKind.Republish, true, "RepublishResponse"),
        841 => (OpcUaServiceKind.TransferSubscriptions, false, "TransferSubscriptionsRequest"),
        844 => (OpcUaServiceKind.TransferSubscriptions, true, "TransferSubscriptionsResponse"),
        847 => (OpcUaServiceKind.DeleteSubscriptions, false, "DeleteSubscriptionsRequest"),
        850 => (OpcUaServiceKind.DeleteSubscriptions, true, "DeleteSubscriptionsResponse"),
        _ => (OpcUaServiceKind.Unknown, false, null),
    };

    /// <summary>
    /// The OT meaning of a service: data access and browsing read, address-space or value changes write, method calls
    /// control, sessions authenticate, discovery services discover (FindServers) or identify the server (GetEndpoints).
    /// Subscriptions and Publish deliver values, so they read.
    /// </summary>
    public static OtOperation Operation(OpcUaServiceKind kind) => kind switch
    {
        OpcUaServiceKind.Read or OpcUaServiceKind.HistoryRead or OpcUaServiceKind.Browse or OpcUaServiceKind.BrowseNext
            or OpcUaServiceKind.TranslateBrowsePaths or OpcUaServiceKind.QueryFirst or OpcUaServiceKind.QueryNext
            or OpcUaServiceKind.RegisterNodes or OpcUaServiceKind.UnregisterNodes
            or OpcUaServiceKind.CreateMonitoredItems or OpcUaServiceKind.ModifyMonitoredItems or OpcUaServiceKind.SetMonitoringMode
            or OpcUaServiceKind.SetTriggering or OpcUaServiceKind.DeleteMonitoredItems or OpcUaServiceKind.CreateSubscription
            or OpcUaServiceKind.ModifySubscription or OpcUaServiceKind.SetPublishingMode or OpcUaServiceKind.Publish
            or OpcUaServiceKind.Republish or OpcUaServiceKind.TransferSubscriptions or OpcUaServiceKind.DeleteSubscriptions => OtOperation.Read,
        OpcUaServiceKind.Write or OpcUaServiceKind.HistoryUpdate or OpcUaServiceKind.AddNodes or OpcUaServiceKind.AddReferences
            or OpcUaServiceKind.DeleteNodes or OpcUaServiceKind.DeleteReferences => OtOperation.Write,
        OpcUaServiceKind.Call => OtOperation.Control,
        OpcUaServiceKind.CreateSession or OpcUaServiceKind.ActivateSession or OpcUaServiceKind.CloseSession => OtOperation.Authentication,
        OpcUaServiceKind.FindServers or OpcUaServiceKind.FindServersOnNetwork or OpcUaServiceKind.RegisterServer
            or OpcUaServiceKind.RegisterServer2 => OtOperation.Discovery,
        OpcUaServiceKind.GetEndpoints => OtOperation.Identification,
        OpcUaServiceKind.Cancel => OtOperation.Other,
        _ => OtOperation.None,
    };
}
