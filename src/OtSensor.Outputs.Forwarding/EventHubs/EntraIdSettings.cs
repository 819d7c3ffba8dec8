using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using OtSensor.Outputs.Forwarding.Config;

namespace OtSensor.Outputs.Forwarding.EventHubs;

/// <summary>
/// Microsoft Entra ID settings of an Event Hubs target (config <c>targets[i].auth</c>) and the Azure.Identity
/// credential they make.
/// </summary>
/// <remarks>
/// <para>The Event Hubs client asks the credential for scope <c>https://eventhubs.azure.net/.default</c> and sends the
/// token in the CBS put-token (type <c>jwt</c>); the identity needs the <c>Azure Event Hubs Data Sender</c> role on the
/// hub or namespace (the Bicep in <c>Azure/</c> grants it to a principal id).</para>
/// <para>Workload identity falls back to the variables the Azure workload identity webhook sets
/// (<c>AZURE_TENANT_ID</c>, <c>AZURE_CLIENT_ID</c>, <c>AZURE_FEDERATED_TOKEN_FILE</c>) for what the file leaves out.</para>
/// </remarks>
public sealed record EntraIdSettings
{
    public required EntraIdMode Mode { get; init; }
    public string? TenantId { get; init; }
    /// <summary>App registration (or user-assigned managed identity) client id.</summary>
    public string? ClientId { get; init; }
    public SecretText? ClientSecret { get; init; }
    /// <summary>PEM (certificate and key) or PKCS#12 file for <see cref="EntraIdMode.ClientCertificate"/>.</summary>
    public string? CertificatePath { get; init; }
    public SecretText? CertificatePassword { get; init; }
    /// <summary>Federated token file for <see cref="EntraIdMode.WorkloadIdentity"/>.</summary>
    public string? TokenFilePath { get; init; }
    /// <summary>Entra ID authority (a sovereign cloud's, e.g. <c>https://login.microsoftonline.us/</c>); null: public cloud.</summary>
    public Uri? AuthorityHost { get; init; }

    /// <summary>The credential for <see cref="Mode"/>.</summary>
    /// <param name="transport">HTTP transport to Entra ID (a proxy, a private CA); null: the SDK's default.</param>
    /// <param name="environment">Environment lookup for workload identity's defaults; null: the process's.</param>
    public TokenCredential CreateCredential(HttpPipelineTransport? transport = null, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        switch (Mode)
        {
            case EntraIdMode.ManagedIdentity:
            {
                var id = ClientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(ClientId);
                return new ManagedIdentityCredential(Options(new ManagedIdentityCredentialOptions(id), transport));
            }
            case EntraIdMode.WorkloadIdentity:
            {
                var options = Options(new WorkloadIdentityCredentialOptions(), transport);
                options.TenantId = TenantId ?? environment("AZURE_TENANT_ID");
                options.ClientId = ClientId ?? environment("AZURE_CLIENT_ID");
                options.TokenFilePath = TokenFilePath ?? environment("AZURE_FEDERATED_TOKEN_FILE");
                return new WorkloadIdentityCredential(options);
            }
            case EntraIdMode.ClientSecret:
                return new ClientSecretCredential(TenantId, ClientId, ClientSecret!.Reveal(), Options(new ClientSecretCredentialOptions(), transport));
            default:
            {
                var certificate = LoadCertificate(CertificatePath!, CertificatePassword?.Reveal());
                return new ClientCertificateCredential(TenantId, ClientId, certificate, Options(new ClientCertificateCredentialOptions(), transport));
            }
        }
    }

    private T Options<T>(T options, HttpPipelineTransport? transport) where T : TokenCredentialOptions
    {
        if (AuthorityHost is not null)
        {
            options.AuthorityHost = AuthorityHost;
            // A non-public authority is not in Entra ID's instance list: skip the discovery that would reject it.
            switch (options)
            {
                case ClientSecretCredentialOptions s: s.DisableInstanceDiscovery = true; break;
                case ClientCertificateCredentialOptions c: c.DisableInstanceDiscovery = true; break;
                case WorkloadIdentityCredentialOptions w: w.DisableInstanceDiscovery = true; break;
            }
        }
        if (transport is not null) options.Transport = transport;
        // Tokens and secrets stay out of the SDK's diagnostics whatever listener is attached.
        options.Diagnostics.IsLoggingContentEnabled = false;
        options.Diagnostics.IsAccountIdentifierLoggingEnabled = false;
        return options;
    }

    /// <summary>A certificate with its private key from a PEM file (certificate and key blocks) or a PKCS#12 file.</summary>
    public static X509Certificate2 LoadCertificate(string path, string? password)
    {
        var text = File.ReadAllText(path);
        if (text.Contains("-----BEGIN", StringComparison.Ordinal))
            return password is null ? X509Certificate2.CreateFromPem(text, text) : X509Certificate2.CreateFromEncryptedPem(text, text, password);
        return X509CertificateLoader.LoadPkcs12FromFile(path, password);
    }

    /// <summary>What can be shown about these settings (never the secret or the password).</summary>
    public override string ToString() => $"{Mode} tenant={TenantId ?? "-"} client={ClientId ?? "-"}";
}
