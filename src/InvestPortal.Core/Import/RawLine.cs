using System.Buffers;
using System.Text.Unicode;

namespace InvestPortal.Core.Import;

/// <summary>One line of an import file as bytes, with its 1-based number; <see cref="Problem"/> says why it cannot be read.</summary>
public readonly record struct RawLine(int Number, ReadOnlyMemory<byte> Utf8, string? Problem);
