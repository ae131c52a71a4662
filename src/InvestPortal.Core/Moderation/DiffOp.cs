using System.Text;

namespace InvestPortal.Core.Moderation;

public enum DiffOp { Same, Added, Removed }
