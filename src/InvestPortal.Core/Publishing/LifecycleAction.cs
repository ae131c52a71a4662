using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Publishing;

/// <summary>What someone does to an opportunity; each is allowed from exactly one status.</summary>
public enum LifecycleAction { Submit, Approve, Reject, Reopen, Close }
