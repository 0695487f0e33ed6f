using Workflows.Procedures.Experts;

namespace Workflows.Host.Tests.Experts;

/// <summary>The selection rule on its own: field, exclusions, balance across organisations, determinism.</summary>
public sealed class ExpertSelectionTests
{
    private static Expert Person(string name, string organisation, string[] fields, string? userName = "user", string[]? conflicts = null, bool active = true) => new()
    {
        Id = Guid.NewGuid(),
        Name = name,
        Organisation = organisation,
        Email = "e@example.cn",
        Fields = [.. fields],
        UserName = userName is null ? null : userName + "-" + name,
        Conflicts = [.. conflicts ?? []],
        Active = active,
    };

    [Fact]
    public void Select_SpreadsAcrossOrganisations_WhenNameOrderWouldTakeTwoFromOne()
    {
        var pool = new[]
        {
            Person("王丽", "省环境科学研究院", ["环境保护"]),
            Person("王建国", "省环境科学研究院", ["环境保护"]),
            Person("郑伟", "市环境监测中心", ["环境保护"]),
        };

        var result = ExpertSelection.Select(pool, ["环境保护"], 2, []);

        Assert.Equal(["王丽", "郑伟"], result.Selected.Select(e => e.Name));
    }

    [Fact]
    public void Select_CoversEveryRequestedField_BeforeAddingASecondExpertOfOne()
    {
        var pool = new[]
        {
            Person("李明", "甲单位", ["环境保护"]),
            Person("刘强", "乙单位", ["环境保护"]),
            Person("赵敏", "丙单位", ["城乡规划"]),
        };

        var result = ExpertSelection.Select(pool, ["环境保护", "城乡规划"], 2, []);

        Assert.Equal(["刘强", "赵敏"], result.Selected.Select(e => e.Name));
    }

    [Fact]
    public void Select_ExcludesDeclaredInterestsTheirUnitsAndPeopleWithoutAccounts_WithAReasonEach()
    {
        var pool = new[]
        {
            Person("张华", "市规划设计研究院", ["城乡规划"], conflicts: ["城关镇旧城改造项目"]),
            Person("周涛", "县发展和改革局规划科", ["城乡规划"]),
            Person("陈静", "省城乡规划学会", ["城乡规划"], userName: null),
            Person("赵敏", "县城乡规划设计所", ["城乡规划"]),
            Person("刘洋", "县城乡规划设计所", ["城乡规划"], active: false),
            Person("孙强", "县律师协会", ["法律"]),
        };

        var result = ExpertSelection.Select(pool, ["城乡规划"], 3, ["城关镇", "县发展和改革局"]);

        Assert.Equal(["赵敏"], result.Selected.Select(e => e.Name));
        Assert.Equal(4, result.Candidates);
        var reasons = result.Excluded.ToDictionary(x => x.Expert.Name, x => x.Reason);
        Assert.Equal(["周涛", "张华", "陈静"], reasons.Keys);
        Assert.Contains("城关镇旧城改造项目", reasons["张华"]);
        Assert.Contains("县发展和改革局", reasons["周涛"]);
        Assert.Contains("账号", reasons["陈静"]);
    }

    [Fact]
    public void Select_GivesTheSameExperts_WhateverOrderThePoolComesIn()
    {
        var pool = Enumerable.Range(1, 12)
            .Select(i => Person($"专家{i:D2}", $"单位{i % 4}", i % 3 == 0 ? ["法律", "环境保护"] : ["环境保护"]))
            .ToList();

        var forward = ExpertSelection.Select(pool, ["环境保护", "法律"], 5, []).Selected.Select(e => e.Id).ToList();
        var backward = ExpertSelection.Select(Enumerable.Reverse(pool), ["环境保护", "法律"], 5, []).Selected.Select(e => e.Id).ToList();

        Assert.Equal(forward, backward);
        Assert.Equal(4, forward.Select(id => pool.Single(e => e.Id == id).Organisation).Distinct().Count());
    }
}
