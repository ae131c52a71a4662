using InvestPortal.Core.Search;
using InvestPortal.Data;
using Microsoft.Extensions.Logging.Console;

namespace InvestPortal.Web.Commands;

/// <summary>Bad command-line input: the message is shown as it is, with exit code 2.</summary>
public sealed class CommandException(string message) : Exception(message);
