namespace InvestPortal.Core.Domain;

public enum OrganizationKind { GovernmentAgency, DevelopmentZone, Enterprise, Investor }
