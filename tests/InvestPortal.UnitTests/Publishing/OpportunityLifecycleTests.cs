using InvestPortal.Core.Domain;
using InvestPortal.Core.Publishing;
using Xunit;

namespace InvestPortal.UnitTests.Publishing;

public class OpportunityLifecycleTests
{
    private static readonly Dictionary<(OpportunityStatus, LifecycleAction), OpportunityStatus> Allowed = new()
    {
        [(OpportunityStatus.Draft, LifecycleAction.Submit)] = OpportunityStatus.PendingReview,
        [(OpportunityStatus.PendingReview, LifecycleAction.Approve)] = OpportunityStatus.Published,
        [(OpportunityStatus.PendingReview, LifecycleAction.Reject)] = OpportunityStatus.Rejected,
        [(OpportunityStatus.Rejected, LifecycleAction.Reopen)] = OpportunityStatus.Draft,
        [(OpportunityStatus.Published, LifecycleAction.Close)] = OpportunityStatus.Closed,
    };

    public static TheoryData<OpportunityStatus, LifecycleAction> Matrix()
    {
        var data = new TheoryData<OpportunityStatus, LifecycleAction>();
        foreach (var s in Enum.GetValues<OpportunityStatus>())
            foreach (var a in Enum.GetValues<LifecycleAction>()) data.Add(s, a);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Exactly_the_documented_transitions_are_allowed(OpportunityStatus from, LifecycleAction action)
    {
        var expected = Allowed.TryGetValue((from, action), out var to) ? to : (OpportunityStatus?)null;
        Assert.Equal(expected, OpportunityLifecycle.Target(from, action));
        Assert.Equal(expected is not null, OpportunityLifecycle.CanApply(from, action));
        var o = new Opportunity { Status = from };
        if (expected is null)
        {
            Assert.Throws<InvalidOperationException>(() => OpportunityLifecycle.Apply(o, action, "reason", DateTimeOffset.UtcNow));
            Assert.Equal(from, o.Status);
        }
        else
        {
            Assert.Equal(expected, OpportunityLifecycle.Apply(o, action, "reason", DateTimeOffset.UtcNow));
            Assert.Equal(expected, o.Status);
        }
    }

    [Fact]
    public void The_matrix_has_five_allowed_transitions()
    {
        var count = Enum.GetValues<OpportunityStatus>().SelectMany(s => Enum.GetValues<LifecycleAction>(), OpportunityLifecycle.CanApply).Count(x => x);
        Assert.Equal(5, count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Rejecting_without_a_reason_fails_and_changes_nothing(string? reason)
    {
        var o = new Opportunity { Status = OpportunityStatus.PendingReview };
        Assert.Throws<ArgumentException>(() => OpportunityLifecycle.Apply(o, LifecycleAction.Reject, reason, DateTimeOffset.UtcNow));
        Assert.Equal(OpportunityStatus.PendingReview, o.Status);
        Assert.True(OpportunityLifecycle.RequiresReason(LifecycleAction.Reject));
        Assert.False(OpportunityLifecycle.RequiresReason(LifecycleAction.Approve));
    }

    [Fact]
    public void Approve_sets_published_at_and_reject_keeps_the_trimmed_reason()
    {
        var now = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var rejected = new Opportunity { Status = OpportunityStatus.PendingReview };
        OpportunityLifecycle.Apply(rejected, LifecycleAction.Reject, "  Missing amount  ", now);
        Assert.Equal("Missing amount", rejected.RejectionReason);
        Assert.Null(rejected.PublishedAt);

        OpportunityLifecycle.Apply(rejected, LifecycleAction.Reopen, null, now);
        OpportunityLifecycle.Apply(rejected, LifecycleAction.Submit, null, now);
        Assert.Null(rejected.RejectionReason);
        OpportunityLifecycle.Apply(rejected, LifecycleAction.Approve, null, now);
        Assert.Equal(now, rejected.PublishedAt);
        Assert.Equal(OpportunityStatus.Published, rejected.Status);
    }

    [Theory]
    [InlineData(OpportunityStatus.Draft, true)]
    [InlineData(OpportunityStatus.Rejected, true)]
    [InlineData(OpportunityStatus.PendingReview, false)]
    [InlineData(OpportunityStatus.Published, false)]
    [InlineData(OpportunityStatus.Closed, false)]
    public void Only_drafts_and_rejected_listings_are_editable(OpportunityStatus status, bool editable) =>
        Assert.Equal(editable, OpportunityLifecycle.IsEditable(status));

    [Fact]
    public void Audit_action_names_are_stable() =>
        Assert.Equal("opportunity.approve", OpportunityLifecycle.AuditAction(LifecycleAction.Approve));
}
