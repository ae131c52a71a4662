namespace InvestPortal.Core.Domain;

public enum InterestStatus { Submitted, Acknowledged, InDiscussion, Closed }
