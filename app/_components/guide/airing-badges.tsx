import styles from './schedule.module.css';

interface Flags {
  isNew: boolean;
  isLive: boolean;
  isPremiere: boolean;
  isRepeat: boolean;
}

export function AiringBadges({ airing }: { airing: Flags }) {
  return (
    <>
      {airing.isLive && <span className={styles.badge}>Live</span>}
      {airing.isNew && <span className={styles.badge}>New</span>}
      {airing.isPremiere && <span className={styles.badge}>Premiere</span>}
      {airing.isRepeat && <span className={styles.badge}>Repeat</span>}
    </>
  );
}
