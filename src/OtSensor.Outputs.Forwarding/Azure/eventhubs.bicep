// Event Hubs namespace, the alerts hub, a send-only authorization rule for the sensors and a consumer group for the
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

resource consumerGroup 'Microsoft.EventHub/namespaces/eventhubs/consumergroups@2024-01-01' = {
  parent: hub
  name: consumerGroupName
}

output namespaceName string = namespace.name
output hubName string = hub.name
output hubId string = hub.id
output sendRuleId string = sendRule.id
output consumerGroupName string = consumerGroup.name
