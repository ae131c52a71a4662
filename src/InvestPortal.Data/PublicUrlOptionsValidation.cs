using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace InvestPortal.Data;

internal sealed class PublicUrlOptionsValidation : IValidateOptions<PublicUrlOptions>
{
    public ValidateOptionsResult Validate(string? name, PublicUrlOptions options) =>
        Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            && string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Portal:PublicBaseUrl (or the older Mail:BaseUrl) '{options.PublicBaseUrl}' must be an absolute http(s) URL without query.");
}
