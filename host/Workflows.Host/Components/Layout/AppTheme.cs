using MudBlazor;

namespace Workflows.Host.Components.Layout;

public static class AppTheme
{
    /// <summary>
    /// Chinese faces first: WenQuanYi Micro Hei is what a Debian/Kylin desktop (and the test machines)
    /// has; Windows and macOS offices fall through to Microsoft YaHei and PingFang SC.
    /// </summary>
    public static readonly string[] FontFamily =
        ["WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            // The deep red of government portals for the bar; status colours stay MudBlazor's.
            Primary = "#B71C1C",
            AppbarBackground = "#B71C1C",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontFamily },
            H1 = new H1Typography { FontFamily = FontFamily },
            H2 = new H2Typography { FontFamily = FontFamily },
            H3 = new H3Typography { FontFamily = FontFamily },
            H4 = new H4Typography { FontFamily = FontFamily },
            H5 = new H5Typography { FontFamily = FontFamily },
            H6 = new H6Typography { FontFamily = FontFamily },
            Subtitle1 = new Subtitle1Typography { FontFamily = FontFamily },
            Subtitle2 = new Subtitle2Typography { FontFamily = FontFamily },
            Body1 = new Body1Typography { FontFamily = FontFamily },
            Body2 = new Body2Typography { FontFamily = FontFamily },
            Button = new ButtonTypography { FontFamily = FontFamily },
            Caption = new CaptionTypography { FontFamily = FontFamily },
            Overline = new OverlineTypography { FontFamily = FontFamily },
        },
    };
}
