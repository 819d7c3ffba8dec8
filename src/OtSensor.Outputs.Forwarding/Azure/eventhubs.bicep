// Event Hubs namespace, the alerts hub, a send-only authorization rule for the sensors (connection strings), the Data
// Sender role for the identities of sensors that sign in with Entra ID, and a consumer group for the
// Azure Monitor ingestion (sentinel-ingestion.bicep). The sensor's connection string is the rule's primary connection
// string with EntityPath=<hub>; it is never an output of this template (read it with
// `az eventhubs eventhub authorization-rule keys list`).

@description('Azure region.')
param location string = resourceGroup().location

@description('Globally unique Event Hubs namespace name.')
param namespaceName string

@description('Hub the sensors send alerts to.')
param hubName string = 'otsensor-alerts'

@description('Partitions: alerts are ordered per partition key (sensor/source device), so more partitions only add parallelism.')
@minValue(1)
@maxValue(32)
param partitionCount int = 4

@description('Consumer group the data collection rule reads with.')
param consumerGroupName string = 'azure-monitor'

resource namespace 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: namespaceName
  location: location
  sku: {
    name: 'Standard'
    tier: 'Standard'
    capacity: 1
  }
  properties: {
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    disableLocalAuth: false
  }
}

resource hub 'Microsoft.EventHub/namespaces/eventhubs@2024-01-01' = {
  parent: namespace
  name: hubName
  properties: {
    partitionCount: partitionCount
    messageRetentionInDays: 7
  }
}

resource sendRule 'Microsoft.EventHub/namespaces/eventhubs/authorizationRules@2024-01-01' = {
  parent: hub
  name: 'otsensor-send'
  properties: {
    rights: [
      'Send'
    ]
  }
}

@description('Object ids of the Entra ID identities the sensors send as (managed identity, workload identity or app registration service principal; forwarding config auth.mode): each gets Azure Event Hubs Data Sender on the hub only.')
param senderPrincipalIds array = []

// Azure Event Hubs Data Sender (built-in role).
var dataSenderRoleId = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2b629674-e913-4c01-ae53-ef4638d8f975')

resource senders 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for principalId in senderPrincipalIds: {
  scope: hub
  name: guid(hub.id, principalId, dataSenderRoleId)
  properties: {
    roleDefinitionId: dataSenderRoleId
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}]

resource consumerGroup 'Microsoft.EventHub/namespaces/eventhubs/consumergroups@2024-01-01' = {
  parent: hub
  name: consumerGroupName
}

output namespaceName string = namespace.name
output hubName string = hub.name
output hubId string = hub.id
output sendRuleId string = sendRule.id
output consumerGroupName string = consumerGroup.name
