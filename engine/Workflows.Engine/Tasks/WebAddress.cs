using System.Diagnostics.CodeAnalysis;

namespace Workflows.Engine.Tasks;

/// <summary>
/// Where something was published: an absolute http or https address. Anything else (javascript:, file:,
/// a relative path) is refused wherever a person records an address a page will later link to.
/// </summary>
public static class WebAddress
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out Uri? address)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https" && parsed.Host.Length > 0)
        {
            address = parsed;
            return true;
        }
        address = null;
        return false;
    }
}
