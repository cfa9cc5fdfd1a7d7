import Image from 'next/image';
import styles from './catalog.module.css';

/** A stable hue from the title's id: the same title always gets the same placeholder. */
function hueOf(id: string): number {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (Math.imul(hash, 31) + id.charCodeAt(i)) >>> 0;
  return hash % 360;
}

/**
 * A title's poster in a fixed 2:3 box (no layout shift), or a deterministic placeholder
 * when it has none. Decorative: the title's name is next to it as text.
 */
export function Poster({ id, title, posterUrl, sizes, priority = false }: {
  id: string;
  title: string;
  posterUrl: string | null;
  sizes: string;
  priority?: boolean;
}) {
  const hue = hueOf(id);
  return (
    <div className={styles.poster}>
      {posterUrl ? (
        <Image src={posterUrl} alt="" fill sizes={sizes} priority={priority} />
      ) : (
        <div
          className={styles.placeholder}
          aria-hidden="true"
          style={{ background: `linear-gradient(160deg, hsl(${hue} 45% 32%), hsl(${(hue + 40) % 360} 50% 14%))` }}
        >
          {title}
        </div>
      )}
    </div>
  );
}
