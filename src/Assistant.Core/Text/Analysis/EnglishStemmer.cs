namespace Assistant.Core.Text.Analysis;

/// <summary>
/// Snowball English (Porter2) stemmer: a port of <c>english.sbl</c> as shipped in Snowball 2.x, the definition
/// that NLTK's and PyStemmer 2.x's "english" stemmers implement and that the 2021 Snowball English test vocabulary
/// checks. It keeps that definition's special cases: the exception1 and exception2 word lists, the
/// gener/commun/arsen prefixes for R1, marking consonant-y as Y, and apostrophe handling.
/// </summary>
/// <remarks>
/// Snowball 3.0 later changed the English rules (no undoubling in add/egg/off, -ogist to -og, more R1 prefixes);
/// those changes are deliberately not applied here so that stems stay stable against the 2.x reference.
/// Input is one lowercase token. Tokens of at most two characters, and tokens containing a digit, are returned
/// unchanged; characters outside a-z are treated as consonants, as the algorithm does.
/// </remarks>
public static class EnglishStemmer
{
    // Every rule shortens the word or keeps its length, so the input length always bounds the buffer.
    private const int StackBufferLength = 64;

    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);

        if (word.Length <= 2 || ContainsDigit(word))
        {
            return word;
        }

        var exception = Exception1(word);
        if (exception is not null)
        {
            return exception;
        }

        Span<char> buffer = word.Length <= StackBufferLength
            ? stackalloc char[StackBufferLength]
            : new char[word.Length];

        var stem = new Stemming(buffer, word);
        stem.Run();

        var result = stem.Result;
        return result.SequenceEqual(word) ? word : new string(result);
    }

    private static bool ContainsDigit(string word)
    {
        foreach (var c in word)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    // Whole-word special cases, checked on the raw token before any rule runs.
    private static string? Exception1(string word) => word switch
    {
        "skis" => "ski",
        "skies" => "sky",
        "dying" => "die",
        "lying" => "lie",
        "tying" => "tie",
        "idly" => "idl",
        "gently" => "gentl",
        "ugly" => "ugli",
        "early" => "earli",
        "only" => "onli",
        "singly" => "singl",
        "sky" or "news" or "howe" or "atlas" or "cosmos" or "bias" or "andes" => word,
        _ => null,
    };

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static bool IsVowelOrWxY(char c) => IsVowel(c) || c is 'w' or 'x' or 'Y';

    private static bool IsValidLiEnding(char c) =>
        c is 'c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't';

    /// <summary>A suffix and what replaces it, when its condition holds.</summary>
    private readonly record struct SuffixRule(string Suffix, string Replacement, SuffixCondition Condition = SuffixCondition.None);

    private enum SuffixCondition
    {
        None,
        AfterL,
        AfterValidLiEnding,
        InR2,
    }

    /// <summary>
    /// Rules grouped by their last letter, so a word is only compared with the suffixes it could end in (this runs
    /// for every token indexed or searched). Within a group the order is kept: longest first.
    /// </summary>
    private sealed class SuffixTable
    {
        private readonly SuffixRule[][] _byLastLetter = new SuffixRule[26][];

        public SuffixTable(SuffixRule[] longestFirst)
        {
            for (var letter = 0; letter < 26; letter++)
            {
                _byLastLetter[letter] = [.. longestFirst.Where(rule => rule.Suffix[^1] == 'a' + letter)];
            }
        }

        public ReadOnlySpan<SuffixRule> EndingIn(char last) => last is >= 'a' and <= 'z' ? _byLastLetter[last - 'a'] : [];
    }

    // Longest first: suffixes of equal length can never both match one word, so the first match is the longest.
    private static readonly SuffixTable Step2Rules = new(
    [
        new("ational", "ate"), new("ization", "ize"), new("fulness", "ful"), new("ousness", "ous"), new("iveness", "ive"),
        new("tional", "tion"), new("lessli", "less"), new("biliti", "ble"),
        new("ation", "ate"), new("alism", "al"), new("aliti", "al"), new("iviti", "ive"), new("entli", "ent"), new("ousli", "ous"), new("fulli", "ful"),
        new("izer", "ize"), new("ator", "ate"), new("abli", "able"), new("alli", "al"), new("enci", "ence"), new("anci", "ance"),
        new("bli", "ble"), new("ogi", "og", SuffixCondition.AfterL),
        new("li", "", SuffixCondition.AfterValidLiEnding),
    ]);

    private static readonly SuffixTable Step3Rules = new(
    [
        new("ational", "ate"),
        new("tional", "tion"),
        new("alize", "al"), new("icate", "ic"), new("iciti", "ic"), new("ative", "", SuffixCondition.InR2),
        new("ical", "ic"), new("ness", ""),
        new("ful", ""),
    ]);

    private ref struct Stemming
    {
        private readonly Span<char> w;
        private int length;
        private int p1;
        private int p2;
        private bool yFound;

        public Stemming(Span<char> buffer, string word)
        {
            w = buffer;

            // The prelude drops one leading apostrophe, so copy past it instead of shifting later.
            var source = word.AsSpan(word[0] == '\'' ? 1 : 0);
            source.CopyTo(w);
            length = source.Length;
        }

        public readonly ReadOnlySpan<char> Result => w[..length];

        public void Run()
        {
            MarkY();
            MarkRegions();

            Step1a();
            if (IsException2())
            {
                Postlude();
                return;
            }

            Step1b();
            Step1c();
            Step2();
            Step3();
            Step4();
            Step5();
            Postlude();
        }

        // A y that starts the word or follows a vowel acts as a consonant; Y keeps it out of the vowel set.
        private void MarkY()
        {
            if (length == 0)
            {
                return;
            }

            if (w[0] == 'y')
            {
                w[0] = 'Y';
                yFound = true;
            }

            for (var i = 1; i < length; i++)
            {
                if (w[i] == 'y' && IsVowel(w[i - 1]))
                {
                    w[i] = 'Y';
                    yFound = true;
                }
            }
        }

        private void MarkRegions()
        {
            p1 = length;
            p2 = length;

            // These prefixes would otherwise put R1 too early and conflate e.g. generous with general.
            int start;
            if (StartsWith("gener") || StartsWith("arsen"))
            {
                start = 5;
            }
            else if (StartsWith("commun"))
            {
                start = 6;
            }
            else
            {
                start = PastVowelThenConsonant(0);
                if (start < 0)
                {
                    return;
                }
            }

            p1 = start;
            var r2 = PastVowelThenConsonant(start);
            if (r2 >= 0)
            {
                p2 = r2;
            }
        }

        private readonly int PastVowelThenConsonant(int from)
        {
            var i = from;
            while (i < length && !IsVowel(w[i]))
            {
                i++;
            }

            i++;
            while (i < length && IsVowel(w[i]))
            {
                i++;
            }

            return i < length ? i + 1 : -1;
        }

        private void Step1a()
        {
            if (EndsWith("'s'"))
            {
                length -= 3;
            }
            else if (EndsWith("'s"))
            {
                length -= 2;
            }
            else if (EndsWith("'"))
            {
                length -= 1;
            }

            if (EndsWith("sses"))
            {
                length -= 2;
            }
            else if (EndsWith("ied") || EndsWith("ies"))
            {
                // ties -> tie but cries -> cri: keep the e only when a single letter precedes.
                length -= length - 3 >= 2 ? 2 : 1;
            }
            else if (EndsWith("us") || EndsWith("ss"))
            {
                // Matched so that the plural rule below does not strip them.
            }
            else if (EndsWith("s"))
            {
                // The vowel must not sit right before the s: gas and this stay, gaps loses its s.
                var s = length - 1;
                if (s >= 1 && HasVowel(0, s - 1))
                {
                    length--;
                }
            }
        }

        private readonly bool IsException2() => length switch
        {
            6 => Is("inning") || Is("outing") || Is("exceed"),
            7 => Is("canning") || Is("herring") || Is("earring") || Is("proceed") || Is("succeed"),
            _ => false,
        };

        private void Step1b()
        {
            int suffix;
            bool isEed;
            if (EndsWith("eedly"))
            {
                (suffix, isEed) = (5, true);
            }
            else if (EndsWith("eed"))
            {
                (suffix, isEed) = (3, true);
            }
            else if (EndsWith("ingly"))
            {
                (suffix, isEed) = (5, false);
            }
            else if (EndsWith("edly"))
            {
                (suffix, isEed) = (4, false);
            }
            else if (EndsWith("ing"))
            {
                (suffix, isEed) = (3, false);
            }
            else if (EndsWith("ed"))
            {
                (suffix, isEed) = (2, false);
            }
            else
            {
                return;
            }

            var start = length - suffix;
            if (isEed)
            {
                // The matched suffix already begins with "ee", so replacing it is a truncation.
                if (start >= p1)
                {
                    length = start + 2;
                }

                return;
            }

            if (!HasVowel(0, start))
            {
                return;
            }

            length = start;
            if (EndsWith("at") || EndsWith("bl") || EndsWith("iz"))
            {
                w[length++] = 'e';
            }
            else if (EndsWithUndoubledPair())
            {
                length--;
            }
            else if (length == p1 && IsShortSyllableEndingAt(length))
            {
                w[length++] = 'e';
            }
        }

        private readonly bool EndsWithUndoubledPair()
        {
            if (length < 2)
            {
                return false;
            }

            var c = w[length - 1];
            return c == w[length - 2] && c is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't';
        }

        private void Step1c()
        {
            if (length >= 3 && w[length - 1] is 'y' or 'Y' && !IsVowel(w[length - 2]))
            {
                w[length - 1] = 'i';
            }
        }

        private void Step2() => ReplaceLongestSuffix(Step2Rules);

        private void Step3() => ReplaceLongestSuffix(Step3Rules);

        /// <summary>
        /// Snowball's <c>among</c>: only the longest suffix that matches is considered (the rule lists are longest
        /// first), and when it fails its condition nothing else is tried. Every replacement needs the suffix in R1.
        /// </summary>
        private void ReplaceLongestSuffix(SuffixTable table)
        {
            if (length == 0)
            {
                return;
            }

            foreach (var rule in table.EndingIn(w[length - 1]))
            {
                if (!EndsWith(rule.Suffix))
                {
                    continue;
                }

                var start = length - rule.Suffix.Length;
                if (start >= p1 && Holds(rule.Condition, start))
                {
                    Replace(start, rule.Replacement);
                }

                return;
            }
        }

        private readonly bool Holds(SuffixCondition condition, int start) => condition switch
        {
            // Only -logi is the Greek -logy ending (biology, theology); other -ogi words such as yogi are left alone.
            SuffixCondition.AfterL => start >= 1 && w[start - 1] == 'l',
            SuffixCondition.AfterValidLiEnding => start >= 1 && IsValidLiEnding(w[start - 1]),
            SuffixCondition.InR2 => start >= p2,
            _ => true,
        };

        private void Step4()
        {
            if (length == 0)
            {
                return;
            }

            var suffix = 0;
            var isIon = false;
            switch (w[length - 1])
            {
                case 'l':
                    suffix = EndsWith("al") ? 2 : 0;
                    break;
                case 'r':
                    suffix = EndsWith("er") ? 2 : 0;
                    break;
                case 'c':
                    suffix = EndsWith("ic") ? 2 : 0;
                    break;
                case 'm':
                    suffix = EndsWith("ism") ? 3 : 0;
                    break;
                case 'i':
                    suffix = EndsWith("iti") ? 3 : 0;
                    break;
                case 's':
                    suffix = EndsWith("ous") ? 3 : 0;
                    break;
                case 'n':
                    if (EndsWith("ion"))
                    {
                        (suffix, isIon) = (3, true);
                    }

                    break;
                case 'e':
                    suffix = EndsWith("ance") || EndsWith("ence") || EndsWith("able") || EndsWith("ible") ? 4
                        : EndsWith("ate") || EndsWith("ive") || EndsWith("ize") ? 3
                        : 0;
                    break;
                case 't':
                    suffix = EndsWith("ement") ? 5
                        : EndsWith("ment") ? 4
                        : EndsWith("ant") || EndsWith("ent") ? 3
                        : 0;
                    break;
            }

            if (suffix == 0)
            {
                return;
            }

            var start = length - suffix;
            if (start < p2)
            {
                return;
            }

            if (!isIon || (start >= 1 && w[start - 1] is 's' or 't'))
            {
                length = start;
            }
        }

        private void Step5()
        {
            if (length == 0)
            {
                return;
            }

            var start = length - 1;
            switch (w[start])
            {
                case 'e':
                    if (start >= p2 || (start >= p1 && !IsShortSyllableEndingAt(start)))
                    {
                        length = start;
                    }

                    break;
                case 'l':
                    if (start >= p2 && start >= 1 && w[start - 1] == 'l')
                    {
                        length = start;
                    }

                    break;
            }
        }

        private void Postlude()
        {
            if (!yFound)
            {
                return;
            }

            for (var i = 0; i < length; i++)
            {
                if (w[i] == 'Y')
                {
                    w[i] = 'y';
                }
            }
        }

        // Either consonant-vowel-consonant where the last is not w, x or Y, or vowel-consonant at the word start.
        private readonly bool IsShortSyllableEndingAt(int end)
        {
            if (end < 2 || !IsVowel(w[end - 2]))
            {
                return false;
            }

            return end == 2
                ? !IsVowel(w[end - 1])
                : !IsVowelOrWxY(w[end - 1]) && !IsVowel(w[end - 3]);
        }

        private readonly bool HasVowel(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                if (IsVowel(w[i]))
                {
                    return true;
                }
            }

            return false;
        }

        private void Replace(int start, string replacement)
        {
            replacement.AsSpan().CopyTo(w[start..]);
            length = start + replacement.Length;
        }

        private readonly bool Is(string s) => length == s.Length && EndsWith(s);

        private readonly bool StartsWith(string s)
        {
            if (length < s.Length)
            {
                return false;
            }

            for (var i = 0; i < s.Length; i++)
            {
                if (w[i] != s[i])
                {
                    return false;
                }
            }

            return true;
        }

        private readonly bool EndsWith(string s)
        {
            var offset = length - s.Length;
            if (offset < 0)
            {
                return false;
            }

            for (var i = 0; i < s.Length; i++)
            {
                if (w[offset + i] != s[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
