using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OtSensor.Server;

/// <summary>
/// Maps handlers as delegates, not as bare <see cref="RequestDelegate"/>s: only delegate endpoints carry the method
/// metadata the OpenAPI document is generated from.
/// </summary>
internal static class Routes
{
    public static RouteHandlerBuilder Get(IEndpointRouteBuilder app, string pattern, Func<HttpContext, Task> handler) => app.MapMethods(pattern, [HttpMethods.Get], (Delegate)handler);
    public static RouteHandlerBuilder Post(IEndpointRouteBuilder app, string pattern, Func<HttpContext, Task> handler) => app.MapMethods(pattern, [HttpMethods.Post], (Delegate)handler);
    public static RouteHandlerBuilder Put(IEndpointRouteBuilder app, string pattern, Func<HttpContext, Task> handler) => app.MapMethods(pattern, [HttpMethods.Put], (Delegate)handler);
    public static RouteHandlerBuilder Delete(IEndpointRouteBuilder app, string pattern, Func<HttpContext, Task> handler) => app.MapMethods(pattern, [HttpMethods.Delete], (Delegate)handler);
}
