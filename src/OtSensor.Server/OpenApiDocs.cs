using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace OtSensor.Server;

/// <summary>
/// Describes an endpoint in the OpenAPI document: a summary and its query parameters. The handlers read the query
/// themselves (to answer a bad value with the API's own one-line error), so the document is told what they read.
/// </summary>
internal static class OpenApiDocs
{
    /// <param name="builder">The endpoint.</param>
    /// <param name="summary">One line on what it returns.</param>
    /// <param name="query">Parameters as <c>name:type:description</c> (type integer, boolean or string).</param>
    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, string summary, params string[] query)
    {
        builder.WithSummary(summary);
        if (query.Length == 0) return builder;
        return builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var item in query)
            {
                var parts = item.Split(':', 3);
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = parts[0],
                    In = ParameterLocation.Query,
                    Required = false,
                    Description = parts[2],
                    Schema = new OpenApiSchema
                    {
                        Type = parts[1] switch { "integer" => JsonSchemaType.Integer, "boolean" => JsonSchemaType.Boolean, _ => JsonSchemaType.String },
                    },
                });
            }
            return Task.CompletedTask;
        });
    }
}
