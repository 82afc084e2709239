using System;
using System.Buffers;

namespace MediaRules.Documents;

/// <summary>
/// Collects items of a type without references in a pooled buffer and hands them out once as an array of their exact
/// number. The text model's per-token and per-span lists of a long text are large objects: growing a list and then
/// copying it would take fresh, zeroed memory twice per text; this takes it once.
/// </summary>
/// <typeparam name="T">An unmanaged item type (the buffer goes back to the pool uncleared).</typeparam>
internal struct PooledArrayBuilder<T>
    where T : unmanaged
{
    private T[] _items;

    /// <summary>Rents a buffer for about <paramref name="capacity"/> items.</summary>
    public PooledArrayBuilder(int capacity)
    {
        _items = ArrayPool<T>.Shared.Rent(Math.Max(capacity, 16));
        Count = 0;
    }

    /// <summary>How many items have been added.</summary>
    public int Count { get; private set; }

    /// <summary>The last item added (there must be one).</summary>
    public readonly T Last => _items[Count - 1];

    /// <summary>Adds an item.</summary>
    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            Arrays.Grow(ref _items, Count);
        }

        _items[Count++] = item;
    }

    /// <summary>Replaces the last item (there must be one).</summary>
    public readonly void ReplaceLast(T item) => _items[Count - 1] = item;

    /// <summary>
    /// The items: with <paramref name="pooled"/>, the pooled buffer itself, not copied, whose first <see cref="Count"/>
    /// items they are (the caller reads <see cref="Count"/> first, and returns the buffer to
    /// <see cref="ArrayPool{T}.Shared"/> when done with it); else an array of their exact number. The builder is spent.
    /// </summary>
    public T[] ToArray(bool pooled)
    {
        if (!pooled)
        {
            return ToArrayAndReturn();
        }

        var items = _items;
        _items = Array.Empty<T>();
        Count = 0;
        return items;
    }

    /// <summary>The items as an array of their exact number; the buffer goes back to the pool and the builder is spent.</summary>
    public T[] ToArrayAndReturn()
    {
        var result = Arrays.ExactAndReturn(_items, Count);
        _items = Array.Empty<T>();
        Count = 0;
        return result;
    }
}

/// <summary>Arrays for the text model.</summary>
internal static class Arrays
{
    /// <summary>
    /// An array the caller fills whole: not zeroed first where the runtime allows it (a large one would otherwise be
    /// cleared only to be overwritten).
    /// </summary>
    public static T[] Uninitialized<T>(int length)
        where T : unmanaged =>
#if NET
        GC.AllocateUninitializedArray<T>(length);
#else
        new T[length];
#endif

    /// <summary>Replaces a pooled buffer with one twice as long, keeping its first <paramref name="count"/> items; the old one goes back to the pool.</summary>
    public static void Grow<T>(ref T[] buffer, int count)
        where T : unmanaged
    {
        var larger = ArrayPool<T>.Shared.Rent(Math.Max(buffer.Length * 2, 16));
        Array.Copy(buffer, larger, count);
        ArrayPool<T>.Shared.Return(buffer);
        buffer = larger;
    }

    /// <summary>The first <paramref name="count"/> items of a pooled buffer as an array of their exact number; the buffer goes back to the pool.</summary>
    public static T[] ExactAndReturn<T>(T[] buffer, int count)
        where T : unmanaged
    {
        var result = count == 0 ? Array.Empty<T>() : Uninitialized<T>(count);
        Array.Copy(buffer, result, count);
        ArrayPool<T>.Shared.Return(buffer);
        return result;
    }
}
