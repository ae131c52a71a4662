namespace InvestPortal.Core.Domain;

public enum InvestorKind { Corporate, Fund, StateOwned, Bank, Individual }
