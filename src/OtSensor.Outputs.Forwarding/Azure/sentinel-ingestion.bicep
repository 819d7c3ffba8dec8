// The Azure Monitor path from the alerts hub into Log Analytics and Sentinel:
//   event hub → data collection rule (Event Hubs data import, system identity with Data Receiver on the hub)
//   → custom table OtSensorAlerts_CL (the SecurityAlert columns our records carry) → Sentinel on the workspace,
//   with the KQL function OtSensorSecurityAlert the analytic rules (rules/*.yaml) query.
// SecurityAlert itself is written only by Microsoft's own providers, so our rows land in a custom table of the same
// shape; the function also takes SecurityAlert rows with ProviderName "OtSensor" should another route put them there.

@description('Azure region.')
param location string = resourceGroup().location

@description('Log Analytics workspace (created here) that Sentinel is enabled on.')
param workspaceName string

@description('Name of the alerts hub, in eventHubNamespaceName.')
param eventHubNamespaceName string
param eventHubName string
param consumerGroupName string = 'azure-monitor'

@description('Days rows are kept (the sensor keeps alerts 90 days, sensor-reference §3.7).')
param retentionInDays int = 90

var tableName = 'OtSensorAlerts_CL'
var rawStream = 'Custom-OtSensorAlertsRaw'
// Azure Event Hubs Data Receiver (built-in role).
var eventHubsDataReceiver = 'a638d3c7-ab3a-418d-83e6-5f17a39d4fde'

resource namespace 'Microsoft.EventHub/namespaces@2024-01-01' existing = {
  name: eventHubNamespaceName
}

resource hub 'Microsoft.EventHub/namespaces/eventhubs@2024-01-01' existing = {
  parent: namespace
  name: eventHubName
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource table 'Microsoft.OperationalInsights/workspaces/tables@2022-10-01' = {
  parent: workspace
  name: tableName
  properties: {
    retentionInDays: retentionInDays
    schema: {
      name: tableName
      columns: [
        { name: 'TimeGenerated', type: 'datetime' }
        { name: 'AlertName', type: 'string' }
        { name: 'DisplayName', type: 'string' }
        { name: 'AlertSeverity', type: 'string' }
        { name: 'AlertType', type: 'string' }
        { name: 'Description', type: 'string' }
        { name: 'ProviderName', type: 'string' }
        { name: 'VendorName', type: 'string' }
        { name: 'ProductName', type: 'string' }
        { name: 'ProductComponentName', type: 'string' }
        { name: 'VendorOriginalId', type: 'string' }
        { name: 'SystemAlertId', type: 'string' }
        { name: 'Status', type: 'string' }
        { name: 'StartTime', type: 'datetime' }
        { name: 'EndTime', type: 'datetime' }
        { name: 'CompromisedEntity', type: 'string' }
        { name: 'IsIncident', type: 'boolean' }
        { name: 'RemediationSteps', type: 'string' }
        { name: 'Tactics', type: 'string' }
        { name: 'Techniques', type: 'string' }
        { name: 'Entities', type: 'string' }
        { name: 'ExtendedProperties', type: 'dynamic' }
        { name: 'MessageId', type: 'string' }
      ]
    }
  }
}

resource endpoint 'Microsoft.Insights/dataCollectionEndpoints@2023-03-11' = {
  name: '${workspaceName}-dce'
  location: location
  properties: {
    networkAcls: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource rule 'Microsoft.Insights/dataCollectionRules@2023-03-11' = {
  name: '${workspaceName}-otsensor-dcr'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    dataCollectionEndpointId: endpoint.id
    streamDeclarations: {
      '${rawStream}': {
        columns: [
          { name: 'TimeGenerated', type: 'datetime' }
          { name: 'RawData', type: 'string' }
          { name: 'Properties', type: 'dynamic' }
        ]
      }
    }
    dataSources: {
      dataImports: {
        eventHub: {
          name: 'otsensorAlerts'
          consumerGroup: consumerGroupName
          stream: rawStream
        }
      }
    }
    destinations: {
      logAnalytics: [
        {
          name: 'workspace'
          workspaceResourceId: workspace.id
        }
      ]
    }
    dataFlows: [
      {
        streams: [
          rawStream
        ]
        destinations: [
          'workspace'
        ]
        outputStream: 'Custom-${tableName}'
        transformKql: loadTextContent('transform.kql')
      }
    ]
  }
  dependsOn: [
    table
  ]
}

resource association 'Microsoft.Insights/dataCollectionRuleAssociations@2023-03-11' = {
  name: 'otsensor-alerts'
  scope: hub
  properties: {
    dataCollectionRuleId: rule.id
  }
}

resource receiver 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(hub.id, rule.id, eventHubsDataReceiver)
  scope: hub
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', eventHubsDataReceiver)
    principalId: rule.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource sentinel 'Microsoft.SecurityInsights/onboardingStates@2024-03-01' = {
  scope: workspace
  name: 'default'
  properties: {}
}

resource parser 'Microsoft.OperationalInsights/workspaces/savedSearches@2020-08-01' = {
  parent: workspace
  name: 'OtSensorSecurityAlert'
  properties: {
    category: 'OtSensor'
    displayName: 'OtSensor alerts in SecurityAlert shape'
    functionAlias: 'OtSensorSecurityAlert'
    query: loadTextContent('OtSensorSecurityAlert.kql')
    version: 2
  }
  dependsOn: [
    table
  ]
}

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(workspace.id, 'otsensor-workbook')
  location: location
  kind: 'shared'
  properties: {
    displayName: 'OtSensor alerts'
    category: 'sentinel'
    sourceId: workspace.id
    serializedData: loadTextContent('workbook.json')
  }
  dependsOn: [
    parser
  ]
}

output workspaceId string = workspace.id
output dataCollectionRuleId string = rule.id
