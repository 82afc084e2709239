using System.Text;
using System.Text.RegularExpressions;

namespace MediaRules.Configuration;

/// <summary>
/// A file glob with forward slashes: <c>*</c> any characters but '/', <c>**</c> any number of folders, <c>?</c> one
/// character, <c>{a,b}</c> alternatives. A glob without '/' matches the file name in any folder, as in .gitignore.
/// </summary>
internal sealed class GlobPattern
{
    private readonly Regex _regex;

    public GlobPattern(string glob)
    {
        var pattern = new StringBuilder("^");
        if (glob.IndexOf('/') < 0)
        {
            pattern.Append("(.*/)?");
        }

        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    i++;
                    if (i + 1 < glob.Length && glob[i + 1] == '/')
                    {
                        i++;
                        pattern.Append("(.*/)?");
                    }
                    else
                    {
                        pattern.Append(".*");
                    }

                    break;
                case '*':
                    pattern.Append("[^/]*");
                    break;
                case '?':
                    pattern.Append("[^/]");
                    break;
                case '{':
                    pattern.Append('(');
                    break;
                case '}':
                    pattern.Append(')');
                    break;
                case ',':
                    pattern.Append('|');
                    break;
                default:
                    pattern.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        pattern.Append('$');
#if NET
        _regex = new Regex(pattern.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
#else
        _regex = new Regex(pattern.ToString(), RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));
#endif
    }

    public bool IsMatch(string path)
    {
        try
        {
            return _regex.IsMatch(path);
        }
        catch (RegexMatchTimeoutException)
        {
            return false; // only on netstandard2.0 hosts, for a pathological glob
        }
    }
}
