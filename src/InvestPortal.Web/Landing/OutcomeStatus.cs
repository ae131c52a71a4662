namespace InvestPortal.Web.Landing;

public enum OutcomeStatus { Done, NotFound, NotAllowed, Invalid, Conflict }
