namespace InvestPortal.Core.Domain;

public enum OpportunityDecision { Shortlisted, Dismissed }
