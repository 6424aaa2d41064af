using Microsoft.AspNetCore.Routing;

namespace BreathPacing.Web.Hardening;

/// <summary>Lets every GET endpoint answer HEAD too (headers only; Kestrel sends no body for HEAD), as HTTP expects.</summary>
public static class HeadRequests
{
    /// <summary>Adds HEAD to the methods of each GET endpoint built by <paramref name="builder"/>.</summary>
    /// <typeparam name="TBuilder">The builder's type.</typeparam>
    /// <param name="builder">The endpoints, e.g. a route group.</param>
    /// <returns>The same builder.</returns>
    public static TBuilder AnswerHeadOnGet<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(static endpoint =>
        {
            var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault();
            if (methods is not null && methods.HttpMethods.Contains(HttpMethods.Get, StringComparer.OrdinalIgnoreCase)
                && !methods.HttpMethods.Contains(HttpMethods.Head, StringComparer.OrdinalIgnoreCase))
            {
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head], methods.AcceptCorsPreflight));
            }
        });
        return builder;
    }
}
