using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MediaRules.Documents;
using MediaRules.Text;

namespace MediaRules.Tests.Documents;

/// <summary>The pooled buffer the text model collects its tokens and spans in hands out exactly what a list would hold.</summary>
public class PooledArrayBuilderProperties
{
    [Property(MaxTest = 200)]
    public Property Builder_equals_a_list_whatever_its_first_capacity() =>
        Prop.ForAll(Gen.Choose(0, 40).ToArbitrary(), Gen.ListOf(Gen.Choose(-5, 5000)).ToArbitrary(), (capacity, items) =>
        {
            var builder = new PooledArrayBuilder<TextSpan>(capacity);
            var list = new List<TextSpan>();
            foreach (var item in items)
            {
                var span = new TextSpan(System.Math.Abs(item), 1);
                if (item < 0 && list.Count > 0)
                {
                    // Merge into the last, as the voice analyzer does.
                    var merged = TextSpan.FromBounds(builder.Last.Start, builder.Last.End + 1);
                    builder.ReplaceLast(merged);
                    list[list.Count - 1] = merged;
                    continue;
                }

                builder.Add(span);
                list.Add(span);
            }

            var count = builder.Count;
            var array = builder.ToArrayAndReturn();
            return count == list.Count && array.SequenceEqual(list) && builder.Count == 0;
        });
}
