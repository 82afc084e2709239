using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MediaRules.Analysis;
using MediaRules.Documents;
using MediaRules.Text;
using static MediaRules.Tests.Session.SessionTestSupport;

namespace MediaRules.Tests.Analysis;

/// <summary>
/// A window of the stretch analysis hashes only the blocks at its cuts (<see cref="IncrementalEngine.Signature"/>);
/// each must be what the hash of every block at once gives that block, or a cut would agree where the two sides differ.
/// </summary>
public class BlockSignatureProperties
{
    private static readonly Gen<string> Documents = DocumentsOf(20, "\n", "\n\n", "\r\n", "\u001E");

    [Property(MaxTest = 300)]
    public Property One_block_s_signature_is_its_signature_among_all() =>
        Prop.ForAll(Documents.ToArbitrary(), text =>
        {
            var document = DocumentModel.Create(SourceText.From(text));
            var starts = StretchAnalysis.BlockStarts(text);
            var count = starts.Length - 1;
            if (count == 0)
            {
                return true.ToProperty();
            }

            var all = IncrementalEngine.Signatures(document, starts, count);
            var each = Enumerable.Range(0, count).Select(k => IncrementalEngine.Signature(document, starts, count, k)).ToArray();
            return all.SequenceEqual(each).Label($"text: {text}");
        });
}
