import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Markdown, { defaultUrlTransform, type Components } from 'react-markdown';
import { hrefFor, navigate } from '../../router';
import { splitTables } from './markdownTables';

/**
 * Lesson Markdown through react-markdown: no raw HTML (skipHtml), `screen:<id>` links route to the
 * app screen, other links are shown as text (the app is offline and opens nothing outside).
 * `level` is the heading level a Markdown "##" becomes, so headings fit where the lesson is shown.
 */
function urlTransform(url: string): string {
  return url.startsWith('screen:') ? url : defaultUrlTransform(url);
}

function ScreenLink({ href, children, onNavigate }: { href: string; children: ReactNode; onNavigate?: (screen: string) => void }) {
  const screen = href.slice('screen:'.length);
  return (
    <a
      href={hrefFor(screen)}
      className="lesson-link"
      data-screen-link={screen}
      onClick={(e) => {
        e.preventDefault();
        if (onNavigate) onNavigate(screen);
        else navigate(screen);
      }}
    >
      {children}
    </a>
  );
}

function components(level: number, onNavigate?: (screen: string) => void): Components {
  const h = (n: number) => {
    const lvl = Math.min(6, Math.max(2, level + n - 2));
    const Tag = `h${lvl}` as 'h2';
    return ({ children }: { children?: ReactNode }) => <Tag className="lesson-heading">{children}</Tag>;
  };
  return {
    h1: h(1),
    h2: h(2),
    h3: h(3),
    h4: h(4),
    h5: h(5),
    h6: h(6),
    a: ({ href, children }) =>
      href?.startsWith('screen:') ? (
        <ScreenLink href={href} {...(onNavigate ? { onNavigate } : {})}>
          {children}
        </ScreenLink>
      ) : (
        <span className="lesson-outside-link">
          {children}
          {href ? ` (${href})` : null}
        </span>
      ),
    img: ({ alt }) => <span>{alt}</span>,
  };
}

export function InlineMarkdown({ text }: { text: string }) {
  return (
    <Markdown skipHtml urlTransform={urlTransform} components={{ p: ({ children }) => <Fragment>{children}</Fragment>, a: ({ children }) => <span>{children}</span> }}>
      {text}
    </Markdown>
  );
}

export function LessonMarkdown({ markdown, level = 2, onNavigate }: { markdown: string; level?: number; onNavigate?: (screen: string) => void }) {
  const { t } = useTranslation();
  const comps = components(level, onNavigate);
  return (
    <>
      {splitTables(markdown).map((part, i) =>
        part.type === 'markdown' ? (
          <Markdown key={i} skipHtml urlTransform={urlTransform} components={comps}>
            {part.markdown}
          </Markdown>
        ) : (
          <div className="table-wrap" key={i}>
            <table className="table table--compact lesson-table">
              <caption className="visually-hidden">{t('lessons.view.table')}</caption>
              <thead>
                <tr>
                  {part.header.map((c, j) => (
                    <th scope="col" key={j}>
                      <InlineMarkdown text={c} />
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {part.rows.map((row, r) => (
                  <tr key={r}>
                    {part.header.map((_, j) => (
                      <td key={j}>
                        <InlineMarkdown text={row[j] ?? ''} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ),
      )}
    </>
  );
}
