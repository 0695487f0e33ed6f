using System.Globalization;
using Workflows.Activities;
using Workflows.Procedures;
using Workflows.Procedures.PublicConsultation;

namespace Workflows.Procedures.Tests;

/// <summary>
/// What the activities and guards say about a badly configured step reaches the designer in Chinese (its
/// default) and the REST API in English, and every message has both.
/// </summary>
public sealed class ConfigurationMessageTests
{
    [Fact]
    public void EveryActivityAndProcedureMessage_HasASimplifiedChineseTranslation()
    {
        Assert.True(ActivityText.Messages.Count > 5);
        Assert.True(ProcedureText.Messages.Count > 9);
        Assert.Empty(ActivityText.Messages.Untranslated(CultureInfo.GetCultureInfo("zh-Hans")));
        Assert.Empty(ProcedureText.Messages.Untranslated(CultureInfo.GetCultureInfo("zh-Hans")));
    }

    [Fact]
    public void AnUnclosedPlaceholder_IsNamedInTheReadersLanguage()
    {
        var chinese = InCulture("zh-CN", () => Assert.Single(AttributeValues.CheckSyntax("关于${title的意见", null!, "fz:title")));
        var english = InCulture("en", () => Assert.Single(AttributeValues.CheckSyntax("关于${title的意见", null!, "fz:title")));

        Assert.Equal("fz:title：“关于${title的意见”中的“${”没有闭合。", chinese);
        Assert.Equal("fz:title: '关于${title的意见' opens '${' without closing it.", english);
    }

    private static T InCulture<T>(string name, Func<T> action)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
