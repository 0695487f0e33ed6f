using System.Text.Json;
using Microsoft.Playwright;

namespace Workflows.Browser.Tests.Infrastructure;

/// <summary>
/// The font faces Chromium actually drew an element's text with (DevTools' CSS.getPlatformFontsForNode):
/// a computed font-family only says what was asked for, this says what the machine had.
/// </summary>
public static class RenderedFonts
{
    public static async Task<IReadOnlyList<string>> OfAsync(IPage page, string selector)
    {
        var session = await page.Context.NewCDPSessionAsync(page);
        await session.SendAsync("DOM.enable");
        await session.SendAsync("CSS.enable");
        var document = await session.SendAsync("DOM.getDocument");
        var rootId = document!.Value.GetProperty("root").GetProperty("nodeId").GetInt32();
        var node = await session.SendAsync("DOM.querySelector", new Dictionary<string, object> { ["nodeId"] = rootId, ["selector"] = selector });
        var nodeId = node!.Value.GetProperty("nodeId").GetInt32();
        // The text node under the element carries the glyphs; the element itself reports them too.
        var fonts = await session.SendAsync("CSS.getPlatformFontsForNode", new Dictionary<string, object> { ["nodeId"] = nodeId });
        return [.. fonts!.Value.GetProperty("fonts").EnumerateArray().Select(f => f.GetProperty("familyName").GetString() ?? "")];
    }
}
