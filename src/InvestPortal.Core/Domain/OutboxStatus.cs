namespace InvestPortal.Core.Domain;

public enum OutboxStatus { Pending, Sent, Dead, Discarded }
