using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace InvestPortal.Notifications.Preferences;

/// <summary>What an unsubscribe link stops: one topic for one subscriber.</summary>
public sealed record UnsubscribeClaim(string Subscriber, string Topic);
