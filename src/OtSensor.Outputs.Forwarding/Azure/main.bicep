// Everything for OtSensor → Microsoft Sentinel in one resource group:
//   az deployment group create -g <rg> -f main.bicep -p namespaceName=<ns> workspaceName=<ws>
// then import rules/*.yaml (Sentinel Repositories, or the portal's analytics rule import).

@description('Azure region.')
param location string = resourceGroup().location

@description('Globally unique Event Hubs namespace name.')
param namespaceName string

@description('Log Analytics workspace for Sentinel.')
param workspaceName string

param hubName string = 'otsensor-alerts'

@description('Object ids of the Entra ID identities the sensors send as (Azure Event Hubs Data Sender on the hub).')
param senderPrincipalIds array = []

module eventHubs 'eventhubs.bicep' = {
  name: 'otsensor-eventhubs'
  params: {
    location: location
    namespaceName: namespaceName
    hubName: hubName
    senderPrincipalIds: senderPrincipalIds
  }
}

module ingestion 'sentinel-ingestion.bicep' = {
  name: 'otsensor-sentinel-ingestion'
  params: {
    location: location
    workspaceName: workspaceName
    eventHubNamespaceName: eventHubs.outputs.namespaceName
    eventHubName: eventHubs.outputs.hubName
    consumerGroupName: eventHubs.outputs.consumerGroupName
  }
}

output hubId string = eventHubs.outputs.hubId
output sendRuleId string = eventHubs.outputs.sendRuleId
output workspaceId string = ingestion.outputs.workspaceId
