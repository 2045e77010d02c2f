import Link from 'next/link';
import type { Metadata } from 'next';
import { requireCourseInstructor } from '@/lib/courses/access';
import { getCardOverview, getFlaggedCards, getLessonCards } from '@/lib/data/teach';
import { CardEditor } from '@/components/teach/card-editor';
import { CourseTeachNav } from '@/components/teach/course-nav';

export const metadata: Metadata = { title: 'Cards' };

type Props = { params: Promise<{ course: string }>; searchParams: Promise<{ lesson?: string; flagged?: string }> };

export default async function CourseCardsPage({ params, searchParams }: Props) {
  const { course: courseKey } = await params;
  const base = `/teach/courses/${encodeURIComponent(courseKey)}/cards`;
  const { course: access } = await requireCourseInstructor({ key: courseKey }, { returnTo: base });
  const sp = await searchParams;
  const { course, openFlags } = await getCardOverview(access.id);
  const flaggedView = sp.flagged === '1';
  const lesson = !flaggedView && sp.lesson ? await getLessonCards(access.id, sp.lesson) : null;
  const cards = flaggedView ? await getFlaggedCards(access.id) : lesson?.cards ?? [];
  return (
    <div className="space-y-6">
      <CourseTeachNav course={access} current="cards" />
      <div className="grid gap-6 md:grid-cols-[16rem_1fr]">
        <nav aria-label="Lessons" className="space-y-4 text-sm">
          <Link href={`${base}?flagged=1`} className={`block ${flaggedView ? 'font-bold' : 'link'}`}>Flagged cards ({openFlags})</Link>
          {course && course.modules.length > 0 ? course.modules.map((m) => (
            <div key={m.id}>
              <p className="font-semibold">{m.title}</p>
              <ul className="mt-1 space-y-1">
                {m.lessons.map((l) => (
                  <li key={l.id}>
                    <Link href={`${base}?lesson=${l.id}`} aria-current={sp.lesson === l.id ? 'page' : undefined} className={sp.lesson === l.id ? 'font-bold' : 'link no-underline hover:underline'}>
                      {l.title} <span className="text-muted">({l._count.cards})</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          )) : <p>This course has no lessons yet.</p>}
        </nav>
        <section aria-labelledby="cards-heading" className="space-y-4">
          <h1 id="cards-heading" className="text-2xl font-bold">{flaggedView ? 'Flagged cards' : lesson ? `Cards: ${lesson.title}` : `Cards of ${access.title}`}</h1>
          {!flaggedView && !lesson && <p className="text-muted">Choose a lesson to review, edit or suspend its generated cards. Your edits survive content re-syncs.</p>}
          {(flaggedView || lesson) && cards.length === 0 && <p className="text-muted">No cards here.</p>}
          <ul className="space-y-4">
            {cards.map((c) => <CardEditor key={c.id} card={c} />)}
          </ul>
        </section>
      </div>
    </div>
  );
}
