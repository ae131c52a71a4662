using InvestPortal.Core.Publishing;
using InvestPortal.Data;
using InvestPortal.Web.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Administration;

/// <summary>The outcome of one moderation decision; <see cref="MessageKey"/> is its resource key.</summary>
public sealed record DecisionResult(Guid Id, string Title, PublishOutcome? Outcome)
{
    public bool Found => Outcome is not null;
    public string MessageKey => Outcome switch
    {
        PublishOutcome.Done => "Moderation.Done",
        PublishOutcome.Conflict => "Moderation.Conflict",
        PublishOutcome.ReasonRequired => "Moderation.ReasonRequired",
        null => "Moderation.Missing",
        _ => "Moderation.NotPending",
    };
}
