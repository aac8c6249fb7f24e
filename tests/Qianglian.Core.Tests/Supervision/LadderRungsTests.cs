using Qianglian.Core.Supervision;

namespace Qianglian.Core.Tests.Supervision;

/// <summary>The rungs a text gives its problem ladder: 达州 （三） ends at the chain chief.</summary>
public class LadderRungsTests
{
    private static readonly LadderRungs Dazhou = LadderRungs.Parse(["local", "leadDepartment", "chainChief"]).Rungs!;

    [Fact]
    public void No_list_is_the_full_ladder()
    {
        Assert.Equal(LadderRungs.All, LadderRungs.Parse(null).Rungs);
        Assert.Equal(LadderRungs.All, LadderRungs.Parse([]).Rungs);
        Assert.Equal([EscalationLevel.Local, EscalationLevel.LeadDepartment, EscalationLevel.ChainChief, EscalationLevel.JointMeeting], LadderRungs.All.Levels);
    }

    [Fact]
    public void Dazhou_goes_county_lead_department_chief_and_stops_there()
    {
        Assert.Equal([EscalationLevel.Local, EscalationLevel.LeadDepartment, EscalationLevel.ChainChief], Dazhou.Levels);
        var chain = LevelAvailability.Of(Dazhou, chainHasLeadDepartment: true, chainHasChief: true);
        Assert.Equal(EscalationLevel.LeadDepartment, EscalationLadder.NextLevel(EscalationLevel.Local, chain));
        Assert.Equal(EscalationLevel.ChainChief, EscalationLadder.NextLevel(EscalationLevel.LeadDepartment, chain));
        Assert.Null(EscalationLadder.NextLevel(EscalationLevel.ChainChief, chain));
    }

    [Fact]
    public void Without_a_chain_a_ladder_with_no_joint_meeting_ends_at_the_county()
    {
        var none = LevelAvailability.Of(Dazhou, chainHasLeadDepartment: false, chainHasChief: false);
        Assert.Null(EscalationLadder.NextLevel(EscalationLevel.Local, none));
        var due = new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);
        Assert.False(EscalationLadder.ShouldEscalate(ProblemStatus.Open, EscalationLevel.Local, due, due.AddDays(30), none));
        // The full ladder still has its joint meeting above a county with no chain.
        Assert.Equal(EscalationLevel.JointMeeting, EscalationLadder.NextLevel(EscalationLevel.Local, LevelAvailability.Of(LadderRungs.All, false, false)));
    }

    [Fact]
    public void A_rung_the_jurisdiction_lacks_stays_missing_even_when_the_chain_could_fill_it()
    {
        var noLead = LadderRungs.Parse(["local", "chainChief"]).Rungs!;
        Assert.Equal(EscalationLevel.ChainChief, EscalationLadder.NextLevel(EscalationLevel.Local, LevelAvailability.Of(noLead, true, true)));
    }

    [Theory]
    [InlineData(new[] { "leadDepartment", "chainChief" }, "rungs[0]")]
    [InlineData(new[] { "local", "chainChief", "leadDepartment" }, "rungs[2]")]
    [InlineData(new[] { "local", "local" }, "rungs[1]")]
    [InlineData(new[] { "local", "province" }, "rungs[1]")]
    public void A_bad_list_names_the_rung_at_fault(string[] names, string field)
    {
        var (rungs, problems) = LadderRungs.Parse(names);
        Assert.Null(rungs);
        Assert.Contains(problems, p => p.Field == field);
    }
}
