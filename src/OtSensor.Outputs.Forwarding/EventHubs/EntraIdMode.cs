namespace OtSensor.Outputs.Forwarding.EventHubs;

/// <summary>How the sensor proves who it is to Microsoft Entra ID (config <c>auth.mode</c>).</summary>
public enum EntraIdMode
{
    /// <summary><c>managedIdentity</c>: the Azure host's identity (system-assigned, or user-assigned by client id).</summary>
    ManagedIdentity,
    /// <summary><c>workloadIdentity</c>: a federated token file (Kubernetes, Azure Arc), exchanged for an access token.</summary>
    WorkloadIdentity,
    /// <summary><c>clientSecret</c>: an app registration's client secret.</summary>
    ClientSecret,
    /// <summary><c>clientCertificate</c>: an app registration's certificate (PEM or PKCS#12 with its private key).</summary>
    ClientCertificate,
}
