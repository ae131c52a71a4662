namespace InvestPortal.Core.Domain;

public enum AlertFrequency { Immediate, Daily, Weekly }
