using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace BreathPacing.Web.Hardening;

/// <summary>
/// Caps request bodies at <see cref="WebSessionOptions.MaxRequestBodyBytes"/>: a declared length above it is
/// refused at once; an undeclared (chunked) body is cut off when it passes the cap. Either way the answer is 413
/// problem details. Kestrel enforces the same cap on its own; this also holds under other servers (and tests). An
/// endpoint may set a cap of its own with ASP.NET Core's <see cref="IRequestSizeLimitMetadata"/> (e.g.
/// <c>.WithMetadata(new RequestSizeLimitAttribute(bytes))</c>), which then applies to it instead, Kestrel's included;
/// metadata asking for no limit keeps the default cap.
/// </summary>
public static class RequestBodyLimit
{
    /// <summary>Adds the middleware.</summary>
    /// <param name="app">The application.</param>
    /// <param name="maxBytes">The cap, for endpoints that set none of their own.</param>
    /// <returns>The same application.</returns>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app, long maxBytes) =>
        app.Use((context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? maxBytes;
            if (context.Request.ContentLength > limit)
            {
                throw new BadHttpRequestException($"The request body is {context.Request.ContentLength} bytes; at most {limit} are accepted.", StatusCodes.Status413PayloadTooLarge);
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }

            if (context.Request.ContentLength is null && context.Request.Body.CanRead)
            {
                context.Request.Body = new LimitedStream(context.Request.Body, limit);
            }

            return next(context);
        });

    private sealed class LimitedStream(Stream inner, long maxBytes) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            if (_read > maxBytes)
            {
                throw new BadHttpRequestException($"The request body is larger than {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
            }

            return read;
        }
    }
}
