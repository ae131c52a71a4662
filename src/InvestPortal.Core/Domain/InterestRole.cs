namespace InvestPortal.Core.Domain;

public enum InterestRole { Investor, Partner, Supplier, Operator }
