namespace Choreo.LocalCloud.Policies;

/// <summary>
/// IAM's <c>*</c> (any run) and <c>?</c> (any one character) wildcards, matched without backtracking: the pattern
/// is cut at each <c>*</c> into literal pieces, the first must start the value, the last must end it, and each one
/// between is taken at its leftmost place after the previous one (leftmost is always safe for a glob). No piece is
/// ever tried twice at the same place, so a pattern of 25 stars against a 200-character key costs microseconds.
/// </summary>
public static class WildcardPattern
{
    public static bool Matches(string pattern, string value, bool ignoreCase)
    {
        var pieces = pattern.Split('*');
        if (pieces.Length == 1)
        {
            return value.Length == pattern.Length && PieceAt(pattern, value, 0, ignoreCase);
        }

        var first = pieces[0];
        var last = pieces[^1];
        if (value.Length < first.Length + last.Length
            || !PieceAt(first, value, 0, ignoreCase)
            || !PieceAt(last, value, value.Length - last.Length, ignoreCase))
        {
            return false;
        }

        var position = first.Length;
        var end = value.Length - last.Length;
        for (var index = 1; index < pieces.Length - 1; index++)
        {
            var piece = pieces[index];
            var found = -1;
            for (var start = position; start + piece.Length <= end; start++)
            {
                if (PieceAt(piece, value, start, ignoreCase))
                {
                    found = start;
                    break;
                }
            }

            if (found < 0)
            {
                return false;
            }

            position = found + piece.Length;
        }

        return true;
    }

    private static bool PieceAt(string piece, string value, int start, bool ignoreCase)
    {
        for (var offset = 0; offset < piece.Length; offset++)
        {
            var expected = piece[offset];
            var actual = value[start + offset];
            if (expected != '?' && expected != actual
                && !(ignoreCase && char.ToLowerInvariant(expected) == char.ToLowerInvariant(actual)))
            {
                return false;
            }
        }

        return true;
    }
}
