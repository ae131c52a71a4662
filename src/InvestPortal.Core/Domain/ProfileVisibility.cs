namespace InvestPortal.Core.Domain;

public enum ProfileVisibility { Public, OfficialsOnly, Hidden }
